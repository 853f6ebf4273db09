/**
 * The application service side: implement {@link org.matrixas.protocol.appservice.AppService}, mount it with
 * {@link org.matrixas.protocol.appservice.AppServiceEndpoint} (or run {@link
 * org.matrixas.protocol.appservice.AppServiceServer}), and keep processed txnIds in a {@link
 * org.matrixas.protocol.appservice.TransactionLog}.
 */
package org.matrixas.protocol.appservice;
