Subject: Reminder: invoice ${invoiceNumber} is due on ${dueDate}
Hello ${customerName},

This is a friendly reminder that invoice ${invoiceNumber} (account ${accountNumber}) is due on ${dueDate}.
Amount still to pay: ${amount}.

If you have already paid, thank you, and please disregard this notice.

Questions? ${companyPhone}
${companyName}
