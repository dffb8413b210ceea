Subject: Your service is suspended (account ${accountNumber})
Hello ${customerName},

Your service was suspended on ${noticeDate} because ${amount} is past due (oldest unpaid invoice due ${dueDate}).

Pay the amount past due and your service comes back at our next daily run.

Questions? ${companyPhone}
${companyName}
