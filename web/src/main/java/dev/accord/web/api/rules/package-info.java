/** The rulebook as the server runs it: the live version and what became of the last change. */
package dev.accord.web.api.rules;
