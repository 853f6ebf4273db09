/**
 * The media repository: {@link org.matrixas.homeserver.media.MediaStore} keeps uploaded content under
 * {@code data_dir/media}, one file per media ID plus its metadata; {@link org.matrixas.homeserver.media.StoredMedia}
 * is what a download reads back.
 */
package org.matrixas.homeserver.media;
