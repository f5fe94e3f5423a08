"""Whole conversations with a known outcome: (messages, triage_level, a cause expected in the top 3).

Played over REST against one server (tests/test_e2e.py) and across replicas
(tests/integration/test_replicas.py); after the messages, the user answers
"no" while the assessment still asks.
"""

KNOWN_CONVERSATIONS = [
    (["My CT showed a few punctate calcifications in the liver. I had tuberculosis years ago.",
      "They have been stable since 2018."], "reassurance", "granulomatous_infection"),
    (["I take amiodarone and the CT shows small calcifications in my liver", "no other health problems"],
     "see_clinician_routine", "drug_related"),
    (["I was treated for colon cancer in 2021 and the latest CT shows new calcifications in the liver"],
     "see_clinician_soon", "hepatic_metastases"),
    (["my ultrasound showed liver calcifications", "I have been vomiting blood today"], "emergency", None),
    (["help me understand my scan result", "calcified granuloma on ultrasound", "none", "no symptoms",
      "unchanged since 2019"],
     "reassurance", "granulomatous_infection"),
    (["CT: rim calcification of a hepatic cyst", "I lived on a sheep farm, hydatid cyst was mentioned before", "none",
      "no"],
     "see_clinician_soon", "hydatid_cyst"),
    (["the scan shows calcification and I have cirrhosis", "no symptoms", "it has grown since last year"],
     "see_clinician_soon", "primary_liver_cancer"),
    # Reading the whole message (issue 12), one conversation per category found on set E:
    # a writer speaking for a relative, whose collapse is then the patient's;
    (["I'm writing about my husband, he can't type. His CT showed a calcified lesion in the liver.",
      "This afternoon he collapsed and was unresponsive for a minute"], "emergency", None),
    # growth said over two messages;
    (["In 2021 my ultrasound showed a 4 mm calcification in the liver.", "The new scan this month says 9 mm."],
     "see_clinician_soon", None),
    # a finding absent on an earlier scan and present now;
    (["CT 2019: no liver calcification. CT 2024: 5 mm calcification in segment 4."], "see_clinician_soon", None),
    # an unsure new sign of the user's own.
    (["my CT showed calcifications in the liver", "I think my eyes might be going yellow, not sure"],
     "see_clinician_soon", None),
]
