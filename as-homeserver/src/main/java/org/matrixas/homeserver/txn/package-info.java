/**
 * The push pipeline: {@link org.matrixas.homeserver.txn.Pipeline} runs one sender per application service,
 * delivering events in stream order as durable transactions (same txnId and bytes on every retry) with
 * exponential back-off that a successful ping ends early, plus the ephemeral events of services that asked for
 * them; {@link org.matrixas.homeserver.txn.AppServiceStatus} reports whether each is up.
 */
package org.matrixas.homeserver.txn;
