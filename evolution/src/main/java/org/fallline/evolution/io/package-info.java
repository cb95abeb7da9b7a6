/**
 * Reading selection data: phenotype tables from delimited text ({@link org.fallline.evolution.io.PhenotypeCsv},
 * parsed with opencsv's RFC 4180 parser), in-memory tables ({@link org.fallline.evolution.io.PhenotypeTable})
 * and additive genetic covariance matrices ({@link org.fallline.evolution.io.GeneticCovarianceCsv}).
 */
package org.fallline.evolution.io;
