/**
 * What keeps a business user's rule file to what a rule may do: an allow-list checked on the
 * structure Drools' parser reads and on the Java of every condition and consequence before the
 * engine compiles anything, and a second look at the classes the engine compiled. Rule files are
 * untrusted input; nothing here runs any of their code.
 */
package dev.accord.rules.safety;
