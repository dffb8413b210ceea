<#-- Shared look of invoice_en.ftl and invoice_fr.ftl, included inside their <style> element.
     Positions are in inches from the top left of the US Letter page so the addresses show
     through a #10 double-window envelope (letter tri-folded, top panel 0 to 3.67in):
       return address window    about 0.9in to 1.7in from the top, 0.65in to 3.9in from the left
       recipient address window about 2.0in to 3.0in from the top, 0.65in to 4.6in from the left
     The bottom 3.2in of the first page hold the remittance slip. -->
@page {
  size: letter;
  margin: 0.5in 0.6in 0.55in 0.6in;
  @bottom-right {
    content: counter(page) " / " counter(pages);
    font-family: "Noto Sans";
    font-size: 7pt;
    color: #6b7280;
  }
}
@page :first {
  margin-bottom: 3.25in;
  @bottom-right { content: none; }
  @bottom-center {
    content: element(slip);
    vertical-align: top;
  }
}
body {
  font-family: "Noto Sans";
  font-size: 8.5pt;
  line-height: 1.3;
  color: #1f2937;
  margin: 0;
}
table { border-collapse: collapse; }
td, th { padding: 0; vertical-align: top; }
.accent { color: #14806b; }
.muted { color: #6b7280; }
.strong { font-weight: bold; }

/* Top panel: the part seen through the envelope windows. */
.top { height: 3.1in; }
.top > table { width: 100%; }
.sender { width: 4.2in; padding-left: 0.15in; } /* keeps the summary box right of the windows */
.sender-head { height: 0.45in; }
.logo { height: 0.42in; width: 0.42in; }
.sender-name { font-size: 12pt; font-weight: bold; color: #0f1c3f; padding-left: 0.08in; vertical-align: middle; }
.sender-address { font-size: 8pt; line-height: 1.25; padding-top: 0.04in; }
.recipient { padding-left: 0.15in; padding-top: 0.7in; font-size: 10pt; line-height: 1.25; height: 1.05in; }
.recipient .name { font-weight: bold; }
.title { text-align: right; font-size: 22pt; font-weight: bold; color: #0f1c3f; line-height: 1; }
.title-sub { text-align: right; font-size: 8.5pt; color: #6b7280; padding-top: 0.04in; }
.summary { width: 100%; margin-top: 0.25in; border: 0.75pt solid #d1d5db; }
.summary td { padding: 0.035in 0.09in; font-size: 8.5pt; }
.summary td.value { text-align: right; font-weight: bold; }
.summary tr.due td { background-color: #0f1c3f; color: #ffffff; font-size: 10pt; padding-top: 0.06in; padding-bottom: 0.06in; }

/* Middle panel: charges and totals. */
.lines { width: 100%; margin-top: 0.05in; }
.lines th { font-size: 7.5pt; text-transform: uppercase; color: #6b7280; font-weight: bold; text-align: left;
            border-bottom: 1pt solid #0f1c3f; padding: 0.03in 0.05in; }
.lines td { padding: 0.04in 0.05in; border-bottom: 0.5pt solid #e5e7eb; }
.lines .num { text-align: right; white-space: nowrap; }
.lines .when { white-space: nowrap; color: #4b5563; }
.totals-row { width: 100%; margin-top: 0.08in; }
.totals { width: 3.4in; margin-left: auto; }
.totals td { padding: 0.025in 0.05in; }
.totals td.num { text-align: right; white-space: nowrap; }
.totals tr.total td { border-top: 0.75pt solid #0f1c3f; font-weight: bold; }
.totals tr.due td { border-top: 1.25pt solid #0f1c3f; font-weight: bold; font-size: 10pt; color: #0f1c3f; }
.message { margin-top: 0.15in; padding: 0.07in 0.12in; border-left: 2.5pt solid #38d39f; background-color: #f1faf7;
           font-size: 8.5pt; }
.contact { margin-top: 0.1in; font-size: 7.5pt; color: #6b7280; }

/* Bottom panel: the remittance slip, printed in the first page's bottom margin. */
.slip { position: running(slip); width: 7.3in; text-align: left; }
.cut { border-top: 1pt dashed #6b7280; font-size: 7pt; color: #6b7280; text-align: center; padding-top: 0.03in; }
.slip-body { margin-top: 0.12in; width: 100%; }
.slip-title { font-size: 11pt; font-weight: bold; color: #0f1c3f; }
.slip-from { width: 3.5in; padding-right: 0.2in; }
.slip-pay { font-size: 8.5pt; line-height: 1.3; margin-top: 0.08in; }
.slip-note { font-size: 7.5pt; color: #4b5563; margin-top: 0.06in; }
.slip-fields { width: 3.6in; border: 0.75pt solid #0f1c3f; }
.slip-fields td { padding: 0.05in 0.09in; border-bottom: 0.5pt solid #d1d5db; font-size: 8.5pt; }
.slip-fields td.value { text-align: right; font-weight: bold; }
.slip-fields tr.due td { background-color: #0f1c3f; color: #ffffff; font-size: 10pt; }
.slip-fields tr.enclosed td { border-bottom: none; height: 0.3in; vertical-align: bottom; }
.totals tr.tax td { padding-left: 0.18in; }
.totals tr.tax td.num { padding-left: 0.05in; }
.totals.balance { width: 4.4in; margin-top: 0.06in; }
.totals tr.payment td { padding-left: 0.18in; color: #374151; }
.totals tr.payment td.num { padding-left: 0.05in; }
