/**
 * The offline recovery tool ({@code target/strongroom-recover.jar}): plain Java over the chunk store's
 * files, the crypto and the restore writers — no CDI, no database, no server.
 */
package org.strongroom.restore.tool;
