Subject: Past due: invoice ${invoiceNumber} was due on ${dueDate}
Hello ${customerName},

Our records show that invoice ${invoiceNumber} (account ${accountNumber}), due on ${dueDate}, is not paid.
Amount past due: ${amount}.

Please pay it now to avoid late fees and an interruption of your service.
If you have already paid, thank you, and please disregard this notice.

Questions? ${companyPhone}
${companyName}
