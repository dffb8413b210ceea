Subject: Votre service est suspendu (compte ${accountNumber})
Bonjour ${customerName},

Votre service a été suspendu le ${noticeDate} parce que ${amount} est en souffrance (plus ancienne facture impayée échue le ${dueDate}).

Payez le montant en souffrance et votre service sera rétabli lors de notre prochain traitement quotidien.

Des questions? ${companyPhone}
${companyName}
