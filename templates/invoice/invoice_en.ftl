<#-- English invoice. Receives "invoice" and "company" (see templates/README.md); every value is
     already formatted, so this file only places text. Layout and colours: invoice.css.ftl. -->
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8"/>
<title>Invoice ${invoice.invoiceNumber}</title>
<style>
<#include "invoice.css.ftl">
</style>
</head>
<body>

<div class="slip">
  <div class="cut">Please detach and return this slip with your payment.</div>
  <table class="slip-body">
    <tr>
      <td class="slip-from">
        <div class="slip-title">Remittance slip</div>
        <div class="slip-pay">
          <span class="muted">Make payment to:</span><br/>
          <span class="strong">${company.legalName}</span><br/>
          <#list company.addressLines as line>${line}<#sep><br/></#sep></#list>
        </div>
        <#if company.remittanceNote?has_content><div class="slip-note">${company.remittanceNote}</div></#if>
      </td>
      <td>
        <table class="slip-fields">
          <tr><td>Customer</td><td class="value">${invoice.customerName}</td></tr>
          <tr><td>Account number</td><td class="value">${invoice.accountNumber}</td></tr>
          <tr><td>Invoice number</td><td class="value">${invoice.invoiceNumber}</td></tr>
          <tr><td>Due date</td><td class="value">${invoice.dueDate}</td></tr>
          <tr class="due"><td>Amount due</td><td class="value">${invoice.amountDue}</td></tr>
          <tr class="enclosed"><td>Amount enclosed</td><td class="value">________________</td></tr>
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
        <div class="title">Invoice</div>
        <table class="summary">
          <tr><td>Account number</td><td class="value">${invoice.accountNumber}</td></tr>
          <tr><td>Invoice number</td><td class="value">${invoice.invoiceNumber}</td></tr>
          <tr><td>Invoice date</td><td class="value">${invoice.invoiceDate}</td></tr>
          <#if invoice.servicePeriod?has_content>
          <tr><td>Service period</td><td class="value">${invoice.periodStart} &#8211;<br/>${invoice.periodEnd}</td></tr>
          </#if>
          <tr><td>Due date</td><td class="value">${invoice.dueDate}</td></tr>
          <#if invoice.serviceEnded?has_content>
          <tr><td colspan="2" class="value">Final bill &#8212; service ended ${invoice.serviceEnded}</td></tr>
          </#if>
          <tr class="due"><td>Amount due</td><td class="value">${invoice.amountDue}</td></tr>
        </table>
      </td>
    </tr>
  </table>
</div>

<table class="lines">
  <thead>
    <tr><th>Description</th><th>Period</th><th class="num">Quantity</th><th class="num">Amount</th></tr>
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
    <tr><td colspan="4" class="muted">No new charges this period.</td></tr>
  </#list>
  </tbody>
</table>

<table class="totals-row"><tr><td>
<table class="totals">
  <tr><td>Subtotal</td><td class="num">${invoice.subtotal}</td></tr>
  <#list invoice.taxes>
  <tr><td class="muted">Taxes</td><td></td></tr>
  <#items as tax>
  <tr class="tax"><td>${tax.description}</td><td class="num">${tax.amount}</td></tr>
  </#items>
  </#list>
  <tr class="total"><td>Total of this invoice</td><td class="num">${invoice.total}</td></tr>
</table>
<table class="totals balance">
  <tr><td>Previous balance</td><td class="num">${invoice.previousBalance}</td></tr>
  <#if invoice.paymentsListed>
  <#list invoice.payments as payment>
  <tr class="payment"><td>Payment received ${payment.date} &#183; ${payment.reference}</td><td class="num">${payment.amount}</td></tr>
  </#list>
  <#else>
  <tr class="payment"><td>${invoice.paymentCount} payments received</td><td class="num">${invoice.paymentsReceived}</td></tr>
  </#if>
  <#list invoice.adjustments as adjustment>
  <tr class="payment"><td><#if adjustment.type == "OPENING_BALANCE">Balance from our previous system, invoice ${adjustment.reference}<#elseif adjustment.type == "WRITE_OFF">Written off ${adjustment.reference}<#elseif adjustment.type == "REVERSAL">Returned payment ${adjustment.reference}<#elseif adjustment.type == "RECOVERY">Written-off balance reinstated, payment ${adjustment.reference}<#else>Adjustment ${adjustment.reference}</#if></td><td class="num">${adjustment.amount}</td></tr>
  </#list>
  <tr><td>New charges</td><td class="num">${invoice.total}</td></tr>
  <tr class="due"><td>Amount due by ${invoice.dueDate}</td><td class="num">${invoice.amountDue}</td></tr>
</table>
</td></tr></table>

<#if invoice.nothingDue>
<div class="message">Nothing to pay: your account has a credit balance.</div>
</#if>
<#if company.message?has_content>
<div class="message">${company.message}</div>
</#if>
<div class="contact">
  Questions about this invoice? ${company.phone}<#if company.email?has_content> &#183; ${company.email}</#if><#if company.website?has_content> &#183; ${company.website}</#if>
</div>

</body>
</html>
