"""NLU messages for set H, written by hand; this only serialises them.
Run: python3 nlu.py > ../nlu.json

Conventions used (see README):
- a message with facts and one question: intent = the question asked;
  facts plus a request for a clinician: request_clinician.
- an answer that carries an entity is `inform`; a bare yes/no is affirm/deny.
- a pet's, friend's or colleague's own condition carries role `family`.
- when the writer types for someone (parent, partner, neighbour), that
  person's findings and history carry no role.
- change is labelled only when a word says it (grown, new, unchanged,
  same ...); two sizes compared give two size entities and no change.
"""
import json

N = []


def e(entity, value, role=None):
    d = {"entity": entity, "value": value}
    if role:
        d["role"] = role
    return d


def n(text, intent, *ents):
    N.append({"text": text, "intent": intent, "entities": list(ents)})


F = lambda v, r=None: e("finding", v, r)
P = lambda v, r=None: e("pattern", v, r)
SZ = lambda v: e("size", v)
I = lambda v, r=None: e("imaging", v, r)
CH = lambda v, r=None: e("change", v, r)
C = lambda v, r=None: e("condition", v, r)
M = lambda v, r=None: e("medication", v, r)
SY = lambda v, r=None: e("symptom", v, r)
NEG, FAM = "negated", "family"

# ---- whose is it ----
n("my wife reckons my eyes have gone a bit yellow", "inform", SY("jaundice"))
n("mam passed away from cancer of the liver in 2010", "inform", C("liver_cancer", FAM))
n("my brother and my uncle both have hep C", "inform", C("hepatitis", FAM))
n("my daughter says I was talking gibberish last night and I dont even remember it", "inform", SY("confusion"))
n("My father had tuberculosis but I've never had TB myself", "inform",
  C("tuberculosis", FAM), C("tuberculosis", NEG))
n("the vet found calcification in my cat's liver", "inform", F("calcification", FAM))
n("writing this for my grandad, he's 88: his CT shows scattered calcifications in the liver", "inform",
  I("ct"), P("scattered"), F("calcification"))
n("I'm asking for my husband. He had TB in the army in the 70s", "inform", C("tuberculosis"))
n("on behalf of my neighbour - she has just vomited blood twice", "inform", SY("vomiting_blood"))
n("a friend from church had the same thing on her scan and hers turned out to be breast cancer", "inform",
  C("breast_cancer", FAM))
n("my coworker has primary biliary cholangitis", "inform", C("primary_biliary_cholangitis", FAM))
n("mum says ive lost loads of weight since xmas", "inform", SY("weight_loss"))
n("My sister has gallstones; I've got a calcified granuloma", "inform", C("gallstones", FAM), F("granuloma"))
n("my partner noticed I've been scratching all night, I'm itchy everywhere", "inform", SY("itching"))
n("typing for my mother: she takes methotrexate and her ultrasound showed calcium deposits in the liver", "inform",
  M("methotrexate"), I("ultrasound"), F("calcification"))
n("My late husband had cirrhosis, I don't", "inform", C("cirrhosis", FAM))
n("both my parents had gallstones and grandma had bowel cancer", "inform",
  C("gallstones", FAM), C("colorectal_cancer", FAM))
n("my husband says I went grey and collapsed in the garden", "inform", SY("fainting"))
n("my dads hemochromatosis was diagnosed last year so they checked me", "inform", C("hemochromatosis", FAM))

# ---- when ----
n("had jaundice as a newborn, that's all", "inform", SY("jaundice"))
n("I was treated for a liver abscess in 2012, fully recovered", "inform", C("liver_abscess"))
n("I'm having a follow-up MRI in six months", "inform", I("mri"))
n("I used to take methotrexate years ago but stopped in 2015", "inform", M("methotrexate"))
n("I'm about to start amiodarone next week, will it cause calcifications?", "ask_causes",
  M("amiodarone"), F("calcification"))
n("black stools last night and again this morning", "inform", SY("black_stools"))
n("I vomited blood once in 1998 after a night of heavy drinking, nothing since", "inform", SY("vomiting_blood"))
n("I had hepatitis A as a child in Egypt", "inform", C("hepatitis"))
n("the calcification was first seen in 2016", "inform", F("calcification"))
n("finished my chemo in june", "inform", M("chemotherapy"))
n("had a car crash in 2005 that tore my liver, they said it healed", "inform", C("liver_injury"))

# ---- how much and which way ----
n("CT: 3 calcified granulomas, 2mm, 3mm and 5mm", "inform", I("ct"), F("granuloma"), SZ("2mm"), SZ("3mm"), SZ("5mm"))
n("it was 6 mm in 2021 and its 9 mm now", "inform", SZ("6 mm"), SZ("9 mm"))
n("the calcification has grown a bit since last year", "inform", F("calcification"), CH("growing"))
n("unchanged since March 2019", "inform", CH("stable"))
n("looks the same as on the previous ultrasound", "inform", CH("stable"), I("ultrasound"))
n("innumerable tiny calcifications throughout the liver", "inform", F("calcification"))
n("a solitary coarse calcification of 1.4 cm", "inform", P("single"), P("coarse"), F("calcification"), SZ("1.4 cm"))
n("there is a new 4mm calcified focus compared with 2022", "inform", CH("new"), SZ("4mm"), F("calcification"))
n("half a centimetre", "inform", SZ("half a centimetre"))
n("no new lesions since the last CT", "inform", CH("new", NEG), I("ct"))
n("its smaller than before, was 8mm now 5mm", "inform", SZ("8mm"), SZ("5mm"))
n("a few punctate calcs, largest 0.3cm", "inform", P("punctate"), F("calcification"), SZ("0.3cm"))
n("multiple scattered calcium deposits in both lobes", "inform", P("scattered"), F("calcification"))
n("a 3.5 x 3 cm cyst with rim calcification", "inform", SZ("3.5 x 3 cm"), F("cyst"), P("rim"), F("calcification"))
n("calcified granuloma, same size as in 2020", "inform", F("granuloma"), CH("stable"))
n("they measured it at 7 millimetres, up from 4 millimetres on the old scan", "inform",
  SZ("7 millimetres"), SZ("4 millimetres"))
n("the radiologist says the liver calcs are bigger than on the 2022 CT", "inform",
  F("calcification"), CH("growing"), I("ct"))
n("it's a single one, about 2 mm", "inform", P("single"), SZ("2 mm"))

# ---- several things in one message ----
n("CT showed punctate calcifications and I'm on amiodarone, could that be the cause?", "ask_causes",
  I("ct"), P("punctate"), F("calcification"), M("amiodarone"))
n("ultrasound found a calcified granuloma, i had TB in my 20s. do i need treatment for it", "ask_treatment",
  I("ultrasound"), F("granuloma"), C("tuberculosis"))
n("My MRI shows scattered calcifications and I have cirrhosis. Should I be worried it's cancer?", "ask_seriousness",
  I("mri"), P("scattered"), F("calcification"), C("cirrhosis"), C("cancer"))
n("I've got calcifications on my CT and no symptoms at all. Please can I talk to an actual doctor about it", "request_clinician",
  F("calcification"), I("ct"))
n("no fever no jaundice no weight loss, just want to know what tests theyll do", "ask_diagnosis",
  SY("fever", NEG), SY("jaundice", NEG), SY("weight_loss", NEG))
n("I had breast cancer in 2018 and now theres calcification on my liver ultrasound. has it spread?", "ask_seriousness",
  C("breast_cancer"), F("calcification"), I("ultrasound"))
n("hi, can you help me make sense of my scan results? ct says punctate calcification", "start_assessment",
  I("ct"), P("punctate"), F("calcification"))
n("i take methotrexate for crohns and theres calcium deposits in my liver, what tests would show if its the methotrexate", "ask_diagnosis",
  M("methotrexate"), F("calcification"), M("methotrexate"))
n("my dad had bowel cancer and I've just been told I have a calcified granuloma. is mine likely to be cancer too?", "ask_seriousness",
  C("colorectal_cancer", FAM), F("granuloma"), C("cancer"))
n("ct showed calcs in liver + I have hep B. what would the treatment be", "ask_treatment",
  I("ct"), F("calcification"), C("hepatitis"))
n("My MRI mentioned a calcified cyst and my GP mentioned hydatid disease; how is that diagnosed?", "ask_diagnosis",
  I("mri"), F("cyst"), C("echinococcosis"))
n("Ive had no fever or tummy pain, the CT calcification is unchanged since 2019, so what exactly is it?", "ask_what_is",
  SY("fever", NEG), SY("abdominal_pain", NEG), I("ct"), F("calcification"), CH("stable"))

# ---- the question that was asked, indirectly ----
n("I keep wondering how calcium ends up in a liver in the first place", "ask_causes")
n("wud they need to do a biopsy or something to know for sure", "ask_diagnosis")
n("is there anything that actually gets rid of them or do they stay forever", "ask_treatment")
n("im 26 is this something people my age die from", "ask_seriousness")
n("what even is a granuloma, in normal words", "ask_what_is", F("granuloma"))
n("the word punctate - what's it mean here", "ask_what_is", P("punctate"))
n("I'd be grateful to know what sort of illness leaves these marks behind", "ask_causes")
n("would more scans or blood work be the next step normally?", "ask_diagnosis")
n("do they operate on these or just leave them be", "ask_treatment")
n("should i be scared", "ask_seriousness")
n("can histo do this to your liver", "ask_causes", C("histoplasmosis"))
n("is a hydatid cyst something you catch", "ask_causes", C("echinococcosis"))
n("what does 'calcified granuloma, likely sequela of prior infection' actually mean for me", "ask_what_is", F("granuloma"))
n("I don't need an op do I?", "ask_treatment")
n("does haemochromatosis cause this", "ask_causes", C("hemochromatosis"))
n("is it possible it's from old TB", "ask_causes", C("tuberculosis"))
n("is it cancer? is it?? please just tell me if it's cancer", "ask_seriousness", C("cancer"))
n("it says incidental - so I really don't need to worry?", "ask_seriousness")
n("how would a doctor tell bile duct stones apart from calcification", "ask_diagnosis",
  C("bile_duct_stones"), F("calcification"))
n("Would a low-fat diet make any difference?", "ask_treatment")
n("could calcifications be why i fainted yesterday?", "ask_causes", F("calcification"), SY("fainting"))
n("what does coarse mean compared to punctate", "ask_what_is", P("coarse"), P("punctate"))
n("Is calcification of the liver the same as cirrhosis?", "ask_what_is", F("calcification"), C("cirrhosis"))

# ---- answers taken for something else ----
n("nope", "deny")
n("no none of those", "deny")
n("yep", "affirm")
n("yes thats right", "affirm")
n("not that I know of", "deny")
n("none, no medications at all", "deny")
n("no, but my mother had hepatitis C", "inform", C("hepatitis", FAM))
n("yes, amiodarone since my heart attack", "inform", M("amiodarone"))
n("CT", "inform", I("ct"))
n("it was a sonogram", "inform", I("ultrasound"))
n("about 3 mil", "inform", SZ("3 mil"))
n("never had cancer", "inform", C("cancer", NEG))
n("sorry, it was an MRI not a CT", "inform", I("mri"), I("ct", NEG))
n("correction: it's my aunt who had the breast cancer, not me", "inform", C("breast_cancer", FAM))
n("no I don't, no fever either", "inform", SY("fever", NEG))
n("no, the only thing is I've been itching a lot", "inform", SY("itching"))
n("oh and I forgot - I'm on methotrexate", "inform", M("methotrexate"))
n("yes i do get pain after fatty food", "inform", SY("pain_after_fatty_meals"))
n("2 years ago roughly", "inform")
n("i mean it hasnt changed at all", "inform", CH("stable"))
n("yes, once, but that was 20 years ago - TB", "inform", C("tuberculosis"))
n("no chemo, only surgery", "inform", M("chemotherapy", NEG))

# ---- reported speech and pasted notes ----
n("IMPRESSION: Scattered punctate hepatic calcifications, likely sequelae of prior granulomatous disease.", "inform",
  P("scattered"), P("punctate"), F("calcification"))
n("the letter says 'patient denies jaundice, pruritus or weight loss'", "inform",
  SY("jaundice", NEG), SY("itching", NEG), SY("weight_loss", NEG))
n("FINDINGS: Calcified granuloma in segment 7 measuring 4 mm, unchanged from CT of 2021.", "inform",
  F("granuloma"), SZ("4 mm"), CH("stable"), I("ct"))
n("my GP said it's only a calcium deposit and not to worry", "inform", F("calcification"))
n("The consultant thinks I may have PBC and wants an MRI", "inform", C("primary_biliary_cholangitis"), I("mri"))
n("'Echogenic foci with posterior acoustic shadowing in the right lobe, consistent with calcifications. No gallstones.'", "inform",
  F("calcification"), C("gallstones", NEG))
n("Dr said no sign of cancer on the CT", "inform", C("cancer", NEG), I("ct"))
n("the radiologist wrote 'eggshell calcification' around a hydatid cyst", "inform",
  P("rim"), F("calcification"), C("echinococcosis"))
n("hospital letter: 'Known alcohol-related cirrhosis. Denies haematemesis or melaena.'", "inform",
  C("cirrhosis"), SY("vomiting_blood", NEG), SY("black_stools", NEG))
n("nurse asked if I had been drowsy and I said no", "inform", SY("confusion", NEG))
n("history: colorectal ca 2019. CT: multiple coarse calcifications in the liver", "inform",
  C("colorectal_cancer"), I("ct"), P("coarse"), F("calcification"))
n("doctor he tell me is calcification in liver from old tuberculose, I am worry", "inform",
  F("calcification"), C("tuberculosis"))
n("US abd: liver normal echotexture, few punctate echogenic foci ?calcs", "inform",
  I("ultrasound"), P("punctate"), F("calcification"))
n("the GP letter says I have no history of hepatitis or cirrhosis", "inform",
  C("hepatitis", NEG), C("cirrhosis", NEG))
n("Dear Sir, the consultant's letter states 'a solitary calcified granuloma, of no clinical significance'.", "inform",
  P("single"), F("granuloma"))
n("They told me it's not a mass, just a calcification", "inform", F("mass", NEG), F("calcification"))

# ---- urgency-bearing statements ----
n("I've been throwing up what looks like coffee grounds", "inform", SY("vomiting_blood"))
n("passed out on the bathroom floor this morning", "inform", SY("fainting"))
n("this is the worst stomach pain I've ever had and it came on suddenly", "inform", SY("severe_abdominal_pain"))
n("my tummy is swelling up like I'm pregnant", "inform", SY("swollen_abdomen"))
n("temp of 39 and pain under my right ribs", "inform", SY("fever"), SY("abdominal_pain"))
n("poo is black and tarry since yesterday", "inform", SY("black_stools"))
n("ever since the results I keep thinking everyone would be better off without me", "inform", SY("suicidal_thoughts"))
n("my eyes have gone yellowy", "inform", SY("jaundice"))
n("I'm knackered all the time lately", "inform", SY("fatigue"))
n("keep getting pain after eating greasy stuff like chips", "inform", SY("pain_after_fatty_meals"))
n("no black stools or vomiting blood, just a dull ache under my right ribs sometimes", "inform",
  SY("black_stools", NEG), SY("vomiting_blood", NEG), SY("abdominal_pain"))
n("I havent lost any weight and my tummy isnt swollen", "inform", SY("weight_loss", NEG), SY("swollen_abdomen", NEG))

# ---- voice dictation and other spellings ----
n("my cat scan said punk tate calcification in the liver", "inform", I("ct"), P("punctate"), F("calcification"))
n("I have a calcified gran you loma in my liver", "inform", F("granuloma"))
n("I'm on a me o daron for my heart rhythm", "inform", M("amiodarone"))
n("they think it might be from histo plasma sis", "inform", C("histoplasmosis"))
n("the x ray showed liver calcification", "inform", I("xray"), F("calcification"))

# ---- the rest of the vocabulary ----
n("hiya", "greet")
n("good evening", "greet")
n("cheers for that, really helpful", "thank")
n("ok bye for now", "goodbye")
n("is this a bot or a real person typing", "bot_challenge")
n("can you book me a table for 2 tonight", "out_of_scope")
n("what's the best fantasy football team this week", "out_of_scope")
n("i need to talk to a nurse or doctor please", "request_clinician")
n("can you put me in touch with a liver specialist", "request_clinician")
n("Good morning. I would be most obliged if you could assist me in understanding my scan report.", "start_assessment")
n("can u go thru my ultrasound results with me", "start_assessment", I("ultrasound"))

if __name__ == "__main__":
    texts = [x["text"] for x in N]
    assert len(texts) == len(set(texts))
    print(json.dumps(N, indent=1, ensure_ascii=False))
