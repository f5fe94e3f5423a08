"""NLU cases for set K (independent subagent K). Every sentence written by hand.

Convention used for things about someone who is neither the user/patient nor a
relative (friend, colleague, pet): they are NOT labelled at all (no contract
role fits; labelling them without a role would make them the user's).
When the user writes on behalf of someone (parent, partner), that person is
the patient: their signs and history carry no role; *their* relatives' history
carries `family`.
"""

N = []


def e(entity, value, role=None):
    d = {"entity": entity, "value": value}
    if role:
        d["role"] = role
    return d


def n(text, intent, *ents):
    N.append({"text": text, "intent": intent, "entities": list(ents)})


NEG, FAM = "negated", "family"
F, P, S, I, C, CO, M, SY = ("finding", "pattern", "size", "imaging", "change",
                            "condition", "medication", "symptom")

# ------------------------------------------------------------------ inform
# whose is it: own sign reported by a relative (no role)
n("my husband keeps saying my skin has gone yellowish", "inform", e(SY, "jaundice"))
n("my daughter reckons I've been a bit muddled the last couple of days", "inform", e(SY, "confusion"))
n("the wife says I look shattered all the time lately", "inform", e(SY, "fatigue"))
n("my son noticed the whites of my eyes are a funny yellow colour", "inform", e(SY, "jaundice"))
n("my partner thinks I've lost weight, my belt is on the last hole now and I haven't been dieting", "inform", e(SY, "weight_loss"))
# relative's own history (family)
n("my brother had hepatitis C and my mum had gallstones", "inform", e(CO, "hepatitis", FAM), e(CO, "gallstones", FAM))
n("dad passed away from liver cancer in 2010", "inform", e(CO, "liver_cancer", FAM))
n("both my grandparents on my father's side had TB back in the day", "inform", e(CO, "tuberculosis", FAM))
n("my auntie was diagnosed with primary biliary cholangitis", "inform", e(CO, "primary_biliary_cholangitis", FAM))
n("my sister has haemochromatosis but I was tested and I don't", "inform", e(CO, "hemochromatosis", FAM), e(CO, "hemochromatosis", NEG))
n("my father had tuberculosis as a young man in Ireland", "inform", e(CO, "tuberculosis", FAM))
n("my dad takes amiodarone, I don't", "inform", e(M, "amiodarone", FAM), e(M, "amiodarone", NEG))
n("sorry, my mum, not my dad, had the bowel cancer", "inform", e(CO, "colorectal_cancer", FAM))
n("Uncle Pete was a heavy drinker and ended up with cirrhosis", "inform", e(CO, "cirrhosis", FAM))
n("my nan had her gallbladder out for gallstones and my grandad had bowel cancer", "inform", e(CO, "gallstones", FAM), e(CO, "colorectal_cancer", FAM))
# on behalf of someone: that person is the patient
n("I'm asking for my mum, her CT showed a calcified granuloma and she's been passing black stools", "inform", e(I, "ct"), e(F, "granuloma"), e(SY, "black_stools"))
n("writing on behalf of my father: his ultrasound found scattered calcifications and he has lost weight without trying", "inform", e(I, "ultrasound"), e(P, "scattered"), e(F, "calcification"), e(SY, "weight_loss"))
n("on behalf of my wife - she has cirrhosis and her eyes have gone yellow this week", "inform", e(CO, "cirrhosis"), e(SY, "jaundice"))
n("my son (I'm typing for him, he's too poorly) has been vomiting blood since lunchtime", "inform", e(SY, "vomiting_blood"))
n("I'm writing for my partner. His own father had liver cancer.", "inform", e(CO, "liver_cancer", FAM))
n("this is about my wife's scan, not mine. she had breast cancer in 2015 and finished chemo in 2016", "inform", e(CO, "breast_cancer"), e(M, "chemotherapy"))
n("mum can't type so I'm doing it for her. she's on methotrexate for her joints and she isn't yellow at all", "inform", e(M, "methotrexate"), e(SY, "jaundice", NEG))
# someone else's (not labelled)
n("my friend vomited blood last year and it turned out to be an ulcer", "inform")
n("my dog's x-ray showed stones in his liver", "inform")
n("a colleague of mine had a hydatid cyst, mine is apparently just a calcified granuloma", "inform", e(F, "granuloma"))
n("my best mate died of liver cancer last year so I'm a bit on edge", "inform")
n("the lady next door collapsed last week, that's why I'm scared, but I feel ok myself", "inform")
# when: long past and resolved, recent
n("I had TB when I was 7, treated for six months, fine ever since", "inform", e(CO, "tuberculosis"))
n("I had hepatitis A about thirty years ago, fully recovered", "inform", e(CO, "hepatitis"))
n("I fainted once at school in the 80s, never since", "inform", e(SY, "fainting"))
n("apparently I had yellow skin as a newborn, my mum told me", "inform", e(SY, "jaundice"))
n("I had a bleeding ulcer and vomited blood in 2009, nothing since", "inform", e(SY, "vomiting_blood"))
n("threw up blood last night, first time ever", "inform", e(SY, "vomiting_blood"))
n("i passed out in the bathroom about an hour ago", "inform", e(SY, "fainting"))
n("had a liver abscess when I was working in India in the nineties", "inform", e(CO, "liver_abscess"))
n("car accident in 2003 injured my liver, they said it healed", "inform", e(CO, "liver_injury"))
n("they found stones in my bile ducts in 2020 and took them out with an ERCP", "inform", e(CO, "bile_duct_stones"))
n("i had gallstones out in 2015 and now theres calcification on the liver ultrasound", "inform", e(CO, "gallstones"), e(F, "calcification"), e(I, "ultrasound"))
# negations, reported speech and pasted notes
n("I don't have a fever and I'm not itchy", "inform", e(SY, "fever", NEG), e(SY, "itching", NEG))
n("no yellow skin as far as I know", "inform", e(SY, "jaundice", NEG))
n("never been jaundiced, never had hepatitis", "inform", e(SY, "jaundice", NEG), e(CO, "hepatitis", NEG))
n("Patient denies fever, weight loss or jaundice.", "inform", e(SY, "fever", NEG), e(SY, "weight_loss", NEG), e(SY, "jaundice", NEG))
n("No focal mass. No biliary dilatation.", "inform", e(F, "mass", NEG))
n("the doctor asked if I'd had a temperature and I said no", "inform", e(SY, "fever", NEG))
n("GP asked about weight loss, I told him I haven't lost any", "inform", e(SY, "weight_loss", NEG))
n("not yellow, not itchy, just tired", "inform", e(SY, "jaundice", NEG), e(SY, "itching", NEG), e(SY, "fatigue"))
n("no vomiting blood, no black stools, nothing like that", "inform", e(SY, "vomiting_blood", NEG), e(SY, "black_stools", NEG))
n("im not confused lol, just anxious about it", "inform", e(SY, "confusion", NEG))
n("I haven't fainted at all", "inform", e(SY, "fainting", NEG))
n("I never had TB or histoplasmosis as far as I know", "inform", e(CO, "tuberculosis", NEG), e(CO, "histoplasmosis", NEG))
n("no family history of liver cancer", "inform", e(CO, "liver_cancer", NEG))
n("I'm not on any medication, definitely no methotrexate or anything like that", "inform", e(M, "methotrexate", NEG))
n("I'm on methotrexate, not amiodarone", "inform", e(M, "methotrexate"), e(M, "amiodarone", NEG))
n("fever? no. pain? a little ache on the right side of my tummy", "inform", e(SY, "fever", NEG), e(SY, "abdominal_pain"))
n("the radiologist wrote 'no further follow-up required'", "inform")
n("just the usual paracetamol", "inform")
n("CT: two calcified foci in segment VI, likely sequelae of prior granulomatous disease", "inform", e(I, "ct"), e(F, "calcification"))
n("CT abdomen: no hepatic mass. Single punctate calcification segment 2, of doubtful significance.", "inform", e(I, "ct"), e(F, "mass", NEG), e(P, "single"), e(P, "punctate"), e(F, "calcification"))
n("There are a few coarse calcifications in the liver; no soft tissue mass is seen.", "inform", e(P, "coarse"), e(F, "calcification"), e(F, "mass", NEG))
# pasted radiology language
n("FINDINGS: multiple punctate calcified granulomata in the right lobe, the largest 3 mm", "inform", e(P, "punctate"), e(F, "granuloma"), e(S, "3 mm"))
n("ultrasound: 1.2 cm echogenic focus with posterior acoustic shadowing, consistent with calcification", "inform", e(I, "ultrasound"), e(S, "1.2 cm"), e(F, "calcification"))
n("CT shows hyperdense foci in segments 4 and 8 in keeping with calcific deposits", "inform", e(I, "ct"), e(F, "calcification"))
n("echogenic foci in segments VI and VII with posterior acoustic shadowing, likely calcified granulomata; recommend follow-up in 6 months", "inform", e(F, "granuloma"))
n("IMPRESSION: Stable hepatic calcifications. No new focal lesion.", "inform", e(C, "stable"), e(F, "calcification"), e(C, "new", NEG))
n("scattered punctate calcifications", "inform", e(P, "scattered"), e(P, "punctate"), e(F, "calcification"))
n("Liver: a peripheral rim of calcification surrounds a 2 cm cyst in segment 3.", "inform", e(P, "rim"), e(F, "calcification"), e(S, "2 cm"), e(F, "cyst"))
# sizes and comparisons
n("it measured 6 mm last year and 9 mm now", "inform", e(S, "6 mm"), e(S, "9 mm"), e(C, "growing"))
n("went from 5 mm to 8 mm between the two scans", "inform", e(S, "5 mm"), e(S, "8 mm"), e(C, "growing"))
n("previously 5 mm, now 5 mm", "inform", e(S, "5 mm"), e(S, "5 mm"), e(C, "stable"))
n("the calcification is unchanged since 2019", "inform", e(F, "calcification"), e(C, "stable"))
n("same as March 2021 according to the report", "inform", e(C, "stable"))
n("the granuloma looks slightly smaller than before", "inform", e(F, "granuloma"))
n("no new lesions and the calcified granuloma is stable", "inform", e(C, "new", NEG), e(F, "granuloma"), e(C, "stable"))
n("there is an interval increase in the size of the calcific focus", "inform", e(C, "growing"), e(F, "calcification"))
n("3x4mm calcification in the left lobe on the MRI", "inform", e(S, "3x4mm"), e(F, "calcification"), e(I, "mri"))
n("they said it's about half a centimetre", "inform", e(S, "half a centimetre"))
n("the spot is 0.6cm across", "inform", e(S, "0.6cm"))
n("a twelve millimetre coarse calcification", "inform", e(S, "twelve millimetre"), e(P, "coarse"), e(F, "calcification"))
n("two calcifications, one 2 mm and one 4 mm", "inform", e(F, "calcification"), e(S, "2 mm"), e(S, "4 mm"))
n("new calcification compared to the previous CT", "inform", e(F, "calcification"), e(C, "new"), e(I, "ct"))
n("the radiologist says it's getting bigger", "inform", e(C, "growing"))
n("compared with 2021, the calcified granuloma on this CT shows no change", "inform", e(F, "granuloma"), e(I, "ct"), e(C, "stable"))
n("lost 6kg in 2 months without dieting", "inform", e(SY, "weight_loss"))
# corrections
n("sorry, it was an MRI not a CT", "inform", e(I, "mri"), e(I, "ct", NEG))
n("correction: the scan was a sonogram, I mixed it up", "inform", e(I, "ultrasound"))
# medicines
n("I take methotrexate for my arthritis", "inform", e(M, "methotrexate"))
n("been on amiodarone since my heart attack", "inform", e(M, "amiodarone"))
n("had chemo for breast cancer in 2019", "inform", e(M, "chemotherapy"), e(CO, "breast_cancer"))
# conditions
n("I have PBC", "inform", e(CO, "primary_biliary_cholangitis"))
n("diagnosed with haemochromatosis in 2018, I have blood taken off every few months", "inform", e(CO, "hemochromatosis"))
n("I've got cirrhosis from years of drinking", "inform", e(CO, "cirrhosis"))
n("hep B positive since birth", "inform", e(CO, "hepatitis"))
n("hydatid cyst with eggshell calcification", "inform", e(CO, "echinococcosis"), e(P, "rim"), e(F, "calcification"))
# symptoms
n("i get a pain under my right ribs after fried food", "inform", e(SY, "pain_after_fatty_meals"))
n("sudden agonising pain in my stomach started an hour ago", "inform", e(SY, "severe_abdominal_pain"))
n("my tummy has been aching on and off, nothing dramatic", "inform", e(SY, "abdominal_pain"))
n("been itching like mad all over especially at night", "inform", e(SY, "itching"))
n("my poo is black and sticky", "inform", e(SY, "black_stools"))
n("my belly is really swollen and tight", "inform", e(SY, "swollen_abdomen"))
n("running a temperature of 38.9", "inform", e(SY, "fever"))
n("I'm so scared I've been thinking about killing myself", "inform", e(SY, "suicidal_thoughts"))
# styles: elderly, non-native, typos, text-speak
n("Dear Sir, I have been advised that my computed tomography revealed a solitary calcified granuloma; I have no history of malignancy.", "inform", e(I, "ct"), e(P, "single"), e(F, "granuloma"), e(CO, "cancer", NEG))
n("I am from Brazil, sorry my english. The exam of ultrasound show calcifications in the liver, many small.", "inform", e(I, "ultrasound"), e(F, "calcification"))
n("ultra sound showd a calc ified granu loma", "inform", e(I, "ultrasound"), e(F, "granuloma"))
n("CAT scan showed sum calcium deposits in my livr", "inform", e(I, "ct"), e(F, "calcification"))
n("my sonogram came back with rim calcification around a cyst", "inform", e(I, "ultrasound"), e(P, "rim"), e(F, "calcification"), e(F, "cyst"))
n("the xray picked up coarse calcs over the liver", "inform", e(I, "xray"), e(P, "coarse"), e(F, "calcification"))
n("they saw a 3 cm mass with calcium in it", "inform", e(S, "3 cm"), e(F, "mass"), e(F, "calcification"))
n("ct sez punctate calc 2mm seg 8 nothin else", "inform", e(I, "ct"), e(P, "punctate"), e(F, "calcification"), e(S, "2mm"))
n("In my country doctor told me it is old tuberculosis, the spots in liver. Now I live in Canada.", "inform", e(CO, "tuberculosis"))

n("CT was for my kidneys, found a few liver calcs, and I passed out on Sunday but I'm fine now, anyway the kidneys are clear", "inform", e(I, "ct"), e(F, "calcification"), e(SY, "fainting"))
n("I'm having a CT next week to recheck the calcification", "inform", e(I, "ct"), e(F, "calcification"))
n("if it ever gets bigger they said they'd do an MRI", "inform", e(C, "growing"), e(I, "mri"))

n("the sonogram picked up a 6 mm stone in the liver, not in the gallbladder", "inform", e(I, "ultrasound"), e(S, "6 mm"), e(F, "stone"))
n("I had colon cancer in 2018, they cut it out", "inform", e(CO, "colorectal_cancer"))
n("my rectal cancer was treated with chemo and radiotherapy in 2020", "inform", e(CO, "colorectal_cancer"), e(M, "chemotherapy"))
n("feverish and shivery since yesterday", "inform", e(SY, "fever"))
n("this sharp pain in my upper belly came on out of nowhere and it's the worst I've ever had", "inform", e(SY, "severe_abdominal_pain"))
n("I feel really drowsy and can't think straight today", "inform", e(SY, "confusion"))
n("the chest x-ray showed calcified granulomas just under the diaphragm", "inform", e(I, "xray"), e(F, "granuloma"))
n("HCC runs in my family, my uncle had it", "inform", e(CO, "liver_cancer", FAM))
n("my mother's CT (I'm asking for her) showed a mass, and her tummy has gone very swollen", "inform", e(I, "ct"), e(F, "mass"), e(SY, "swollen_abdomen"))

# ------------------------------------------------------------- ask_what_is
n("what does calcified granuloma mean", "ask_what_is", e(F, "granuloma"))
n("wat is a calcification on the liver?? never heard of it", "ask_what_is", e(F, "calcification"))
n("Could you explain what 'punctate calcific foci' means in plain English?", "ask_what_is", e(P, "punctate"), e(F, "calcification"))
n("what's posterior acoustic shadowing?", "ask_what_is")
n("my CT says 'granulomata' - what are those?", "ask_what_is", e(I, "ct"), e(F, "granuloma"))
n("what is rim calcification", "ask_what_is", e(P, "rim"), e(F, "calcification"))
n("the ultrasound found a single calcification in my liver, what does it mean?", "ask_what_is", e(I, "ultrasound"), e(P, "single"), e(F, "calcification"))
n("I got my MRI back and it mentions a coarse calcification - what is that exactly", "ask_what_is", e(I, "mri"), e(P, "coarse"), e(F, "calcification"))
n("im confused, what does interval increase mean on my report", "ask_what_is", e(C, "growing"))
n("Excuse me, what exactly is meant by the phrase 'calcified granuloma, no further follow-up required'?", "ask_what_is", e(F, "granuloma"))
n("can someone tell me in simple words what my sonogram result means: 'scattered tiny calcifications'", "ask_what_is", e(I, "ultrasound"), e(P, "scattered"), e(F, "calcification"))
n("what's a granuloma? is it the same thing as a calcification?", "ask_what_is", e(F, "granuloma"), e(F, "calcification"))
n("anyway my CT said calcified granuloma, oh and I've had black poo since Tuesday, what does that mean?", "ask_what_is", e(I, "ct"), e(F, "granuloma"), e(SY, "black_stools"))
n("what does an intrahepatic stone mean?", "ask_what_is", e(F, "stone"))
n("what does 'echogenic' mean in an ultrasound report", "ask_what_is", e(I, "ultrasound"))

# -------------------------------------------------------------- ask_causes
n("the scan found a 3 cm lump with some coarse calcium in it and the doctor told me to see my GP, what could cause something like that?", "ask_causes", e(S, "3 cm"), e(F, "mass"), e(P, "coarse"), e(F, "calcification"))
n("why do people get calcium deposits in the liver", "ask_causes", e(F, "calcification"))
n("can TB cause this?", "ask_causes", e(CO, "tuberculosis"))
n("could amiodarone be the reason for the calcifications?", "ask_causes", e(M, "amiodarone"), e(F, "calcification"))
n("what causes punctate calcification? could it be from histoplasmosis?", "ask_causes", e(P, "punctate"), e(F, "calcification"), e(CO, "histoplasmosis"))
n("what are the possible reasons for a calcified granuloma", "ask_causes", e(F, "granuloma"))
n("wat causes calcs in liver", "ask_causes", e(F, "calcification"))
n("Could my methotrexate have done this to my liver?", "ask_causes", e(M, "methotrexate"))
n("How did I get a granuloma in my liver if I've never been ill?", "ask_causes", e(F, "granuloma"))
n("can gallstones lead to calcification in the liver?", "ask_causes", e(CO, "gallstones"), e(F, "calcification"))
n("my GP says the ultrasound shows calcification, what could be behind it? could it be a hydatid cyst from my dog?", "ask_causes", e(I, "ultrasound"), e(F, "calcification"), e(CO, "echinococcosis"))
n("cause of scattered liver calcifications when you have no history of cancer?", "ask_causes", e(P, "scattered"), e(F, "calcification"), e(CO, "cancer", NEG))
n("what leads to calcified foci in the liver, and could it be the chemo I had?", "ask_causes", e(F, "calcification"), e(M, "chemotherapy"))
n("Had TB as a kid. Is that why I have these calcifications? Could histoplasmosis do it too?", "ask_causes", e(CO, "tuberculosis"), e(F, "calcification"), e(CO, "histoplasmosis"))
n("is it because my hepatitis B was never treated?", "ask_causes", e(CO, "hepatitis"))

# ------------------------------------------------------------ ask_diagnosis
n("what tests will they do to find out what it is", "ask_diagnosis")
n("do I need a biopsy?", "ask_diagnosis")
n("will they want an MRI as well?", "ask_diagnosis", e(I, "mri"))
n("which blood tests check how the liver is working?", "ask_diagnosis")
n("how do doctors tell a granuloma apart from cancer", "ask_diagnosis", e(F, "granuloma"), e(CO, "cancer"))
n("is a CT better than an ultrasound for checking this", "ask_diagnosis", e(I, "ct"), e(I, "ultrasound"))
n("what investigations are usually done after finding liver calcification", "ask_diagnosis", e(F, "calcification"))
n("next step after the ultrasound, is it another scan or bloods?", "ask_diagnosis", e(I, "ultrasound"))
n("how will they check whether it's an echinococcus infection", "ask_diagnosis", e(CO, "echinococcosis"))
n("do they test for TB with a blood test or what", "ask_diagnosis", e(CO, "tuberculosis"))
n("my ultrasound showed a 9mm calcified granuloma, also my stools have gone black this week, and what tests would they normally do next?", "ask_diagnosis", e(I, "ultrasound"), e(S, "9mm"), e(F, "granuloma"), e(SY, "black_stools"))
n("Would further imaging be required to establish the nature of the lesion, and if so of what kind?", "ask_diagnosis")

# ------------------------------------------------------------ ask_treatment
n("will I need any treatment for it?", "ask_treatment")
n("how do you get rid of liver calcification", "ask_treatment", e(F, "calcification"))
n("can it be removed with surgery?", "ask_treatment")
n("do I have to stop my methotrexate?", "ask_treatment", e(M, "methotrexate"))
n("what's the treatment for a hydatid cyst", "ask_treatment", e(CO, "echinococcosis"))
n("is there a medicine or diet that dissolves calcium deposits in the liver", "ask_treatment", e(F, "calcification"))
n("if it is bile duct stones, how are they treated?", "ask_treatment", e(CO, "bile_duct_stones"))
n("wat do i do about it, like do i need meds or an op", "ask_treatment")
n("Kindly advise whether any treatment is indicated for a solitary calcified granuloma.", "ask_treatment", e(P, "single"), e(F, "granuloma"))
n("can a low fat diet help with the pain after fatty meals", "ask_treatment", e(SY, "pain_after_fatty_meals"))
n("how is it treated if it turns out to be cancer?", "ask_treatment", e(CO, "cancer"))

# ----------------------------------------------------------- ask_seriousness
n("is it cancer?", "ask_seriousness", e(CO, "cancer"))
n("should i be worried about a 4mm calcified granuloma", "ask_seriousness", e(S, "4mm"), e(F, "granuloma"))
n("is liver calcification dangerous?? is it dangerous??", "ask_seriousness", e(F, "calcification"))
n("how serious is this, honestly", "ask_seriousness")
n("could it turn into liver cancer later on?", "ask_seriousness", e(CO, "liver_cancer"))
n("am I going to die from this", "ask_seriousness")
n("is it bad that it grew from 5 mm to 7 mm?", "ask_seriousness", e(C, "growing"), e(S, "5 mm"), e(S, "7 mm"))
n("Is a coarse calcification something to be concerned about at my age?", "ask_seriousness", e(P, "coarse"), e(F, "calcification"))
n("my report says unchanged since 2019, does that mean it's nothing to worry about?", "ask_seriousness", e(C, "stable"))
n("do I need to worry? my mum had breast cancer", "ask_seriousness", e(CO, "breast_cancer", FAM))
n("is it normal to have calcs in the liver or is something wrong with me", "ask_seriousness", e(F, "calcification"))
n("the report says 'no interval change' and the doctor said to book a follow-up, is that normal or is it serious?", "ask_seriousness", e(C, "stable"))
n("is it liver cancer? my cousin had a hepatoma", "ask_seriousness", e(CO, "liver_cancer"), e(CO, "liver_cancer", FAM))
n("could this be cancer, tell me straight", "ask_seriousness", e(CO, "cancer"))
n("wld i get black stools if it was serious?", "ask_seriousness", e(SY, "black_stools"))
n("what if I start turning yellow, does that mean it's serious?", "ask_seriousness", e(SY, "jaundice"))
n("I'm 45 and the CT shows a calcified granuloma. Is it serious? Should I be worried?", "ask_seriousness", e(I, "ct"), e(F, "granuloma"))

# ---------------------------------------------------------- start_assessment
n("can you help me make sense of my scan results", "start_assessment")
n("I'd like to go through my ultrasound report with you", "start_assessment", e(I, "ultrasound"))
n("help me understand my result please", "start_assessment")
n("hi can u check my ct report for me", "start_assessment", e(I, "ct"))
n("I've just had my MRI letter and I need help understanding it", "start_assessment", e(I, "mri"))
n("could we go through what my liver scan found, step by step", "start_assessment")
n("please assess my results", "start_assessment")
n("i want to know what my report means for me, can we start", "start_assessment")
n("Good morning. I should be grateful for assistance in interpreting a radiology report.", "start_assessment")

# --------------------------------------------------------- request_clinician
n("can I talk to a real doctor", "request_clinician")
n("I want to speak to a nurse or someone qualified", "request_clinician")
n("is there a hepatologist I can chat with?", "request_clinician")
n("pls connect me with a human doctor", "request_clinician")
n("I'd rather discuss this with a clinician, how do I book one", "request_clinician")
n("put me through to a doctor please", "request_clinician")
n("I would like to be referred to a liver specialist", "request_clinician")
n("can a gp call me back", "request_clinician")

# ------------------------------------------------------------------- social
for t in ["hi", "hello there", "good evening", "hiya", "hey, anyone there?", "Good morning to you"]:
    n(t, "greet")
for t in ["ok bye for now", "see you", "cheerio", "I'll log off now, bye", "that's everything, goodbye"]:
    n(t, "goodbye")
for t in ["yes", "yep that's right", "correct", "yes please", "absolutely", "uh huh"]:
    n(t, "affirm")
for t in ["nope none of that", "not that I know of", "no", "nah nothing like that", "none", "no, never", "nothing else"]:
    n(t, "deny")
for t in ["thank you so much", "cheers", "thanks that really helps", "many thanks for your patience", "ta"]:
    n(t, "thank")
for t in ["am I talking to a robot?", "are you a real person", "is this an AI", "r u a bot", "is there a human behind this chat"]:
    n(t, "bot_challenge")
for t in ["what's the weather in Leeds tomorrow", "can you book me a taxi", "recommend a good pizza place near me",
          "who won the football last night", "write me a poem about cats", "how do I change my password on this website"]:
    n(t, "out_of_scope")

if __name__ == "__main__":
    import json, sys
    texts = [x["text"].lower() for x in N]
    dup = {t for t in texts if texts.count(t) > 1}
    assert not dup, dup
    json.dump(N, open(sys.argv[1], "w"), indent=1, ensure_ascii=False)
    from collections import Counter
    print(len(N), Counter(x["intent"] for x in N))
