Subject: Your service is restored (account ${accountNumber})
Hello ${customerName},

Thank you for your payment. Your account is in good standing again since ${noticeDate} and your service is restored.

Questions? ${companyPhone}
${companyName}
