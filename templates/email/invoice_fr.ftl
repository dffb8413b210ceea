<#-- Corps texte du courriel de facture en français. Reçoit « invoice » et « company »
     (voir templates/README.md). La facture PDF est jointe par le programme. -->
Bonjour ${invoice.customerName},

Vous trouverez ci-joint votre facture ${invoice.invoiceNumber} en format PDF.

  Numéro de compte :    ${invoice.accountNumber}
  Date de la facture :  ${invoice.invoiceDate}
<#if invoice.servicePeriod?has_content>
  Période de service :  ${invoice.servicePeriod}
</#if>
  Montant dû :          ${invoice.amountDue}
  Date d'échéance :     ${invoice.dueDate}

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
