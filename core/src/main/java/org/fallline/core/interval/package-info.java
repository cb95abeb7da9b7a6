/**
 * Interval arithmetic with outward rounding ({@link org.fallline.core.interval.Interval}): enclosures of the
 * range of the operations and functions of the expression language over intervals, the basis of the
 * certified critical-point search. Reference: R. E. Moore, R. B. Kearfott and M. J. Cloud,
 * <i>Introduction to Interval Analysis</i>, SIAM 2009.
 */
package org.fallline.core.interval;
