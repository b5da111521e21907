/** Keeps the compiled rulebook the server decides with. */
package dev.accord.rulebook.control;
