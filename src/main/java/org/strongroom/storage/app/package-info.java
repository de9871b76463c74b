/** Reading recovery points back — the one decryption path that restore and verify share — and writing a new one's manifest. */
package org.strongroom.storage.app;
