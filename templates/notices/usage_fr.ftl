Subject: Vous avez utilisé ${threshold} % de vos données incluses (${serviceId})
Bonjour ${customerName},

Le ${noticeDate}, ${serviceId} (compte ${accountNumber}) avait utilisé ${usedGb} des ${includedGb} inclus dans votre forfait pour la période se terminant le ${periodEnd} : ${threshold} % de vos données incluses.
<#if threshold?number gte 100>
Les données utilisées au-delà sont facturées ${overagePerGb} par Go.
</#if>

Des questions? ${companyPhone}
${companyName}
