/**
 * fallline physics. This module is laid out for the work its issues will bring; it depends on
 * {@code org.fallline.core} only.
 */
package org.fallline.physics;
