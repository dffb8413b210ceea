Subject: Rappel : la facture ${invoiceNumber} est payable le ${dueDate}
Bonjour ${customerName},

Nous vous rappelons que la facture ${invoiceNumber} (compte ${accountNumber}) est payable le ${dueDate}.
Montant à payer : ${amount}.

Si vous avez déjà payé, merci, et veuillez ne pas tenir compte de cet avis.

Des questions? ${companyPhone}
${companyName}
