/**
 * The push pipeline: {@link org.matrixas.homeserver.txn.Pipeline} runs one sender per application service,
 * delivering events in stream order as durable transactions (same txnId and bytes on every retry) with
 * exponential back-off that a successful ping ends early, plus the ephemeral events of services that asked for
 * them; {@link org.matrixas.homeserver.txn.AppServiceStatus} reports whether each is up.
 * {@link org.matrixas.homeserver.txn.InterestIndex} decides which services want an event (public so that the
 * benchmarks measure the pipeline's own code).
 */
package org.matrixas.homeserver.txn;
