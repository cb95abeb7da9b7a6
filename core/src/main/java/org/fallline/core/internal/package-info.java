/**
 * Implementation of core: the expression parser and tape, line searches, the descent loop, eigen-decompositions.
 * Not exported; nothing outside core may use it.
 */
package org.fallline.core.internal;
