/**
 * Web forms: {@code POST /forms/{formId}} takes an HTML form post as a browser sends it, without an
 * intake key, and answers a browser (303 to the thank-you page, a readable error page) or a script
 * (problem+json).
 */
package dev.accord.web.forms;
