/** Where accepted leads leave the broker and enter routing. */
package dev.accord.intake.boundary;
