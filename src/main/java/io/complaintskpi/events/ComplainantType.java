package io.complaintskpi.events;

/** Who made the complaint (Getting the Best from Complaints, section 2.6). */
public enum ComplainantType {
    CHILD_OR_YOUNG_PERSON, PARENT, FOSTER_CARER, ADOPTER, OTHER_SUFFICIENT_INTEREST, ADULT_SERVICE_USER, REPRESENTATIVE
}
