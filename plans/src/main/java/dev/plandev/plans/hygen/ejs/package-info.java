/** EJS templates compiled to JavaScript, as ejs 3 compiles them. */
package dev.plandev.plans.hygen.ejs;
