<#-- Plain-text body of the invoice email in English. Receives "invoice" and "company"
     (see templates/README.md). The PDF invoice is attached by the program. -->
Hello ${invoice.customerName},

Your invoice ${invoice.invoiceNumber} from ${company.name} is attached as a PDF.

  Account number:  ${invoice.accountNumber}
  Invoice date:    ${invoice.invoiceDate}
<#if invoice.servicePeriod?has_content>
  Service period:  ${invoice.servicePeriod}
</#if>
  Due date:        ${invoice.dueDate}

  Previous balance:   ${invoice.previousBalance}
<#if invoice.paymentsListed>
<#list invoice.payments as payment>
  Payment received:   ${payment.amount} on ${payment.date} (${payment.reference})
</#list>
<#else>
  ${invoice.paymentCount} payments received: ${invoice.paymentsReceived}
</#if>
<#list invoice.adjustments as adjustment>
<#if adjustment.type == "WRITE_OFF">
  Written off:        ${adjustment.amount} (${adjustment.reference})
<#elseif adjustment.type == "REVERSAL">
  Returned payment:   ${adjustment.amount} (${adjustment.reference})
<#elseif adjustment.type == "RECOVERY">
  Balance reinstated: ${adjustment.amount} (payment ${adjustment.reference})
<#else>
  Adjustment:         ${adjustment.amount} (${adjustment.reference})
</#if>
</#list>
  New charges:        ${invoice.total}
  Amount due:         ${invoice.amountDue}

<#if invoice.nothingDue>
Nothing to pay: your account has a credit balance.
<#else>
Please pay ${invoice.amountDue} by ${invoice.dueDate}, quoting your account number ${invoice.accountNumber}.
</#if>
<#if company.message?has_content>

${company.message}
</#if>

Questions about this invoice? ${company.phone}<#if company.email?has_content> - ${company.email}</#if>

${company.name}
<#if company.website?has_content>${company.website}
</#if>
