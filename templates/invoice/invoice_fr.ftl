<#-- Facture en français. Reçoit « invoice » et « company » (voir templates/README.md); toutes les
     valeurs sont déjà formatées (1 234,56 $, 1er novembre 2026). Mise en page : invoice.css.ftl. -->
<!DOCTYPE html>
<html lang="fr-CA">
<head>
<meta charset="UTF-8"/>
<title>Facture ${invoice.invoiceNumber}</title>
<style>
<#include "invoice.css.ftl">
</style>
</head>
<body>

<div class="slip">
  <div class="cut">Veuillez détacher ce talon et le retourner avec votre paiement.</div>
  <table class="slip-body">
    <tr>
      <td class="slip-from">
        <div class="slip-title">Talon de remise</div>
        <div class="slip-pay">
          <span class="muted">Faire parvenir le paiement à&#160;:</span><br/>
          <span class="strong">${company.legalName}</span><br/>
          <#list company.addressLines as line>${line}<#sep><br/></#sep></#list>
        </div>
        <#if company.remittanceNote?has_content><div class="slip-note">${company.remittanceNote}</div></#if>
      </td>
      <td>
        <table class="slip-fields">
          <tr><td>Client</td><td class="value">${invoice.customerName}</td></tr>
          <tr><td>Numéro de compte</td><td class="value">${invoice.accountNumber}</td></tr>
          <tr><td>Numéro de facture</td><td class="value">${invoice.invoiceNumber}</td></tr>
          <tr><td>Date d'échéance</td><td class="value">${invoice.dueDate}</td></tr>
          <tr class="due"><td>Montant dû</td><td class="value">${invoice.amountDue}</td></tr>
          <tr class="enclosed"><td>Montant versé</td><td class="value">________________</td></tr>
        </table>
      </td>
    </tr>
  </table>
</div>

<div class="top">
  <table>
    <tr>
      <td class="sender">
        <table class="sender-head">
          <tr>
            <#if company.logo?has_content><td><img class="logo" src="${company.logo}" alt=""/></td></#if>
            <td class="sender-name">${company.name}</td>
          </tr>
        </table>
        <div class="sender-address">
          <#list company.addressLines as line>${line}<#sep><br/></#sep></#list>
        </div>
        <div class="recipient">
          <span class="name">${invoice.customerName}</span><br/>
          <#list invoice.mailingAddress as line>${line}<#sep><br/></#sep></#list>
        </div>
      </td>
      <td>
        <div class="title">Facture</div>
        <table class="summary">
          <tr><td>Numéro de compte</td><td class="value">${invoice.accountNumber}</td></tr>
          <tr><td>Numéro de facture</td><td class="value">${invoice.invoiceNumber}</td></tr>
          <tr><td>Date de la facture</td><td class="value">${invoice.invoiceDate}</td></tr>
          <#if invoice.servicePeriod?has_content>
          <tr><td>Période de service</td><td class="value">${invoice.periodStart} &#8211;<br/>${invoice.periodEnd}</td></tr>
          </#if>
          <tr><td>Date d'échéance</td><td class="value">${invoice.dueDate}</td></tr>
          <#if invoice.serviceEnded?has_content>
          <tr><td colspan="2" class="value">Facture finale &#8212; service terminé le ${invoice.serviceEnded}</td></tr>
          </#if>
          <tr class="due"><td>Montant dû</td><td class="value">${invoice.amountDue}</td></tr>
        </table>
      </td>
    </tr>
  </table>
</div>

<table class="lines">
  <thead>
    <tr><th>Description</th><th>Période</th><th class="num">Quantité</th><th class="num">Montant</th></tr>
  </thead>
  <tbody>
  <#list invoice.lines as line>
    <tr>
      <td>${line.description}</td>
      <td class="when">${line.period}</td>
      <td class="num">${line.quantity}</td>
      <td class="num">${line.amount}</td>
    </tr>
  <#else>
    <tr><td colspan="4" class="muted">Aucuns nouveaux frais pour cette période.</td></tr>
  </#list>
  </tbody>
</table>

<table class="totals-row"><tr><td>
<table class="totals">
  <tr><td>Sous-total</td><td class="num">${invoice.subtotal}</td></tr>
  <#list invoice.taxes>
  <tr><td class="muted">Taxes</td><td></td></tr>
  <#items as tax>
  <tr class="tax"><td>${tax.description}</td><td class="num">${tax.amount}</td></tr>
  </#items>
  </#list>
  <tr class="total"><td>Total de cette facture</td><td class="num">${invoice.total}</td></tr>
</table>
<table class="totals balance">
  <tr><td>Solde précédent</td><td class="num">${invoice.previousBalance}</td></tr>
  <#if invoice.paymentsListed>
  <#list invoice.payments as payment>
  <tr class="payment"><td>Paiement reçu le ${payment.date} &#183; ${payment.reference}</td><td class="num">${payment.amount}</td></tr>
  </#list>
  <#else>
  <tr class="payment"><td>${invoice.paymentCount} paiements reçus</td><td class="num">${invoice.paymentsReceived}</td></tr>
  </#if>
  <#list invoice.adjustments as adjustment>
  <tr class="payment"><td><#if adjustment.type == "OPENING_BALANCE">Solde de notre ancien système, facture ${adjustment.reference}<#elseif adjustment.type == "WRITE_OFF">Radiation ${adjustment.reference}<#elseif adjustment.type == "REVERSAL">Paiement retourné ${adjustment.reference}<#elseif adjustment.type == "RECOVERY">Solde radié rétabli, paiement ${adjustment.reference}<#else>Ajustement ${adjustment.reference}</#if></td><td class="num">${adjustment.amount}</td></tr>
  </#list>
  <tr><td>Nouveaux frais</td><td class="num">${invoice.total}</td></tr>
  <tr class="due"><td>Montant dû au ${invoice.dueDate}</td><td class="num">${invoice.amountDue}</td></tr>
</table>
</td></tr></table>

<#if invoice.nothingDue>
<div class="message">Aucun paiement requis&#160;: votre compte présente un solde créditeur.</div>
</#if>
<#if company.message?has_content>
<div class="message">${company.message}</div>
</#if>
<div class="contact">
  Des questions au sujet de cette facture? ${company.phone}<#if company.email?has_content> &#183; ${company.email}</#if><#if company.website?has_content> &#183; ${company.website}</#if>
</div>

</body>
</html>
