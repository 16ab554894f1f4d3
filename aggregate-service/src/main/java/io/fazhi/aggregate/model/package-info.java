/**
 * The vocabulary shared by the domain and persistence layers: plain records of cells, contributions, revisions,
 * slices and the read models. No logic beyond what a value needs to be itself.
 */
package io.fazhi.aggregate.model;
