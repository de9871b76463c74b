/** Reading recovery points back: the one decryption path that restore and verify share. */
package org.strongroom.storage.app;
