/** The leads resource: submit a lead, read its decision receipt. */
package dev.accord.web.api.leads;
