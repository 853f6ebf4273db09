package org.matrixas.homeserver.http;

/** A handler's answer when it is not a plain 200 with a JSON body. */
record Reply(int status, Object body) {
}
