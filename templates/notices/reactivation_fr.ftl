Subject: Votre service est rétabli (compte ${accountNumber})
Bonjour ${customerName},

Merci de votre paiement. Votre compte est de nouveau en règle depuis le ${noticeDate} et votre service est rétabli.

Des questions? ${companyPhone}
${companyName}
