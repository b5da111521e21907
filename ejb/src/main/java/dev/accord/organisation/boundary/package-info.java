/**
 * What brings organisation data in without an operator's call: the demo organisation at startup.
 */
package dev.accord.organisation.boundary;
