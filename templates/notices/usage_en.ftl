Subject: You have used ${threshold}% of your data allowance (${serviceId})
Hello ${customerName},

On ${noticeDate}, ${serviceId} (account ${accountNumber}) had used ${usedGb} of the ${includedGb} included in your plan for the period ending ${periodEnd}: ${threshold}% of your allowance.
<#if threshold?number gte 100>
Data used beyond your allowance is billed at ${overagePerGb} per GB.
</#if>

Questions? ${companyPhone}
${companyName}
