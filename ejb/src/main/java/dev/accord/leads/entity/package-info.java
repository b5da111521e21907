/** A lead as Accord keeps it: the contact, the decision that scored and routed it, its history. */
package dev.accord.leads.entity;
