/**
 * The tour: a report page that runs a representative case of every module on bundled data, each section
 * contributed through TourSection, rendered as one self-contained offline HTML page.
 */
package org.fallline.samples.tour;
