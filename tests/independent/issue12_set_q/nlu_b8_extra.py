CASES = [
("2_when", "the pain came on suddenly an hour ago and its the worst ive ever had", "inform", "symptom=severe_abdominal_pain"),
("1_whose", "my sister says i keep talking about not wanting to be here anymore and honestly i have thought about killing myself", "inform", "symptom=suicidal_thoughts"),
("4_several_acts", "hello. I've got a sudden really bad stomach pain and the CT last week showed calcification", "inform", "symptom=severe_abdominal_pain; imaging=ct; finding=calcification"),
("1_whose", "my dad had haemochromatosis, could that be why theres calcium in my liver?", "ask_causes", "condition=hemochromatosis|family; finding=calcification"),
("4_several_acts", "hiya", "greet", ""),
("4_several_acts", "Good afternoon", "greet", ""),
("4_several_acts", "ok thats all for now, bye", "goodbye", ""),
("4_several_acts", "can you recommend a good pizza place", "out_of_scope", ""),
("2_when", "I never had haemochromatosis, they tested me in 2019", "inform", "condition=hemochromatosis|negated"),
("3_how_much", "my tummy's twice the size it was a month ago, so swollen", "inform", "symptom=swollen_abdomen"),
("5_question_asked", "is an x ray enough to see liver calcification or do i need a ct", "ask_diagnosis", "imaging=xray; finding=calcification; imaging=ct"),
]
CASES += [
("3_how_much", "its actually got a bit smaller since the last ultrasound", "inform", "imaging=ultrasound"),
("3_how_much", "the calcified granuloma has shrunk from 6mm to 4mm", "inform", "finding=granuloma; size=6mm; size=4mm"),
]
