/**
 * Local accounts: {@link org.matrixas.homeserver.account.Accounts} (users, PBKDF2 passwords, access tokens stored
 * as digests, profiles) and {@link org.matrixas.homeserver.account.Secrets} (random tokens, constant-time compare).
 */
package org.matrixas.homeserver.account;
