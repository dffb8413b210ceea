Subject: En souffrance : la facture ${invoiceNumber} était payable le ${dueDate}
Bonjour ${customerName},

Selon nos dossiers, la facture ${invoiceNumber} (compte ${accountNumber}), payable le ${dueDate}, n'est pas payée.
Montant en souffrance : ${amount}.

Veuillez la payer dès maintenant pour éviter des frais de retard et une interruption de votre service.
Si vous avez déjà payé, merci, et veuillez ne pas tenir compte de cet avis.

Des questions? ${companyPhone}
${companyName}
