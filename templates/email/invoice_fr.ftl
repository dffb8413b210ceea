<#-- Corps texte du courriel de facture en français. Reçoit « invoice » et « company »
     (voir templates/README.md). La facture PDF est jointe par le programme. -->
Bonjour ${invoice.customerName},

Vous trouverez ci-joint votre facture ${invoice.invoiceNumber} en format PDF.

  Numéro de compte :    ${invoice.accountNumber}
  Date de la facture :  ${invoice.invoiceDate}
<#if invoice.servicePeriod?has_content>
  Période de service :  ${invoice.servicePeriod}
</#if>
  Date d'échéance :     ${invoice.dueDate}

  Solde précédent :     ${invoice.previousBalance}
<#if invoice.paymentsListed>
<#list invoice.payments as payment>
  Paiement reçu :       ${payment.amount} le ${payment.date} (${payment.reference})
</#list>
<#else>
  ${invoice.paymentCount} paiements reçus : ${invoice.paymentsReceived}
</#if>
<#list invoice.adjustments as adjustment>
<#if adjustment.type == "WRITE_OFF">
  Radiation :           ${adjustment.amount} (${adjustment.reference})
<#elseif adjustment.type == "REVERSAL">
  Paiement retourné :   ${adjustment.amount} (${adjustment.reference})
<#elseif adjustment.type == "RECOVERY">
  Solde radié rétabli : ${adjustment.amount} (paiement ${adjustment.reference})
<#else>
  Ajustement :          ${adjustment.amount} (${adjustment.reference})
</#if>
</#list>
  Nouveaux frais :      ${invoice.total}
  Montant dû :          ${invoice.amountDue}

<#if invoice.nothingDue>
Aucun paiement requis : votre compte présente un solde créditeur.
<#else>
Veuillez payer ${invoice.amountDue} au plus tard le ${invoice.dueDate} en indiquant votre numéro de compte ${invoice.accountNumber}.
</#if>
<#if company.message?has_content>

${company.message}
</#if>

Des questions au sujet de cette facture? ${company.phone}<#if company.email?has_content> - ${company.email}</#if>

${company.name}
<#if company.website?has_content>${company.website}
</#if>
