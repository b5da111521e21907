/** Operating intake: the inputs channels could not accept, and replaying them once fixed. */
package dev.accord.web.api.intake;
