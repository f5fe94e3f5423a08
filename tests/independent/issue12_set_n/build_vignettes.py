# Hand-written vignettes for issue 12, set N. Every sentence is the author's own.
# Run: python3 build_vignettes.py  -> writes vignettes.json next to this file.
import json, os

V = []
def add(vid, messages, triage, causes, note):
    V.append({"id": "n-" + vid, "messages": messages, "triage": triage,
              "causes_top3_any": causes, "note": note})

EM, SOON, ROUT, REAS = "emergency", "see_clinician_soon", "see_clinician_routine", "reassurance"
GRAN = ["granulomatous_infection", "healed_infection"]

# ======================= EMERGENCY =======================
add("em-black-stool-late", [
    "My CT from last week mentioned a couple of small calcifications in the liver, nothing else much",
    "also idk if it matters but my poo has been black and sticky since sunday"],
    EM, [], "emergency: black, sticky stools (said late, as an afterthought)")
add("em-coffee-grounds-for-mum", [
    "im writing for my mum shes 81",
    "her ultrasound showed calcified spots in the liver",
    "this morning she was sick and it looked like coffee grounds"],
    EM, [], "emergency: vomit like ground coffee = vomiting blood; the patient is the mum, someone typing for her")
add("em-typing-for-revealed-late", [
    "my mum vomited blood this morning",
    "sorry I should have said, I'm typing for her, it's her scan we're asking about. CT said punctate calcification"],
    EM, [], "emergency: vomiting blood; 'I'm typing for her' comes only in the second message, so the mum's facts are the case's, not family history")
add("em-faint-inside-question", [
    "Hello, I had an abdominal ultrasound which showed a 6mm calcification in the right lobe.",
    "Is that anything to worry about? I also fainted in the kitchen earlier today but came round quickly"],
    EM, [], "emergency: fainted, even though came round (NHS 999 guidance); sign said inside a question")
add("em-drowsy-cirrhosis-wife", [
    "scan showed calcs in liver. i have cirrhosis",
    "my wife says ive been really sleepy and muddled since yesterday, not like me"],
    EM, [], "emergency: new drowsiness/confusion in cirrhosis; the user's own sign reported by his wife")
add("em-severe-pain-benign-report", [
    "CT report: 'Calcified granuloma segment VII, unchanged.' So I'm told it's benign.",
    "but right now I have sudden severe pain in my belly, the worst I've ever had"],
    EM, [], "emergency: sudden severe abdominal pain, despite a benign stable finding")
add("em-charcot-stone", [
    "fever 39, pain under right ribs and my eyes went yellow today",
    "the ultrasound last month showed a calcification and maybe a stone in the bile duct"],
    EM, ["bile_duct_stones"], "emergency: fever + right upper pain + jaundice together (possible cholangitis); duct stone suspected")
add("em-charcot-letter", [
    "Dear Sir, I am 84 years of age and my recent CT scan showed calcification of the liver. I write because since Tuesday I have been feverish, I have had a pain beneath my right ribs, and my daughter remarks that the whites of my eyes are yellow. Yours faithfully, Arthur"],
    EM, [], "emergency: fever, right upper pain and jaundice together (jaundice noticed by daughter is the user's own); formal letter")
add("em-blood-vomit-question", [
    "ultrasound said 'coarse calcification left lobe'",
    "one more thing, I threw up a bit of blood last night. is that related?"],
    EM, [], "emergency: vomited blood, mentioned inside a question about relatedness")
add("em-tender-sudden", [
    "Hi, the MRI found several punctate calcs",
    "no history of cancer",
    "oh and my stomach hurts really badly when I press on it, started suddenly this afternoon"],
    EM, [], "emergency: sudden, severe pain, worse when the tummy is touched (NHS abdominal pain guidance)")
add("em-passing-out-nonnative", [
    "hello, my USG show calcification in liver 0,7 cm",
    "today I am passing out two times, my brother bring me home"],
    EM, [], "emergency: fainted twice today; non-native English")
add("em-confused-dad", [
    "I'm worried about my dad, his CT says calcified foci in liver. I'm doing this for him",
    "he's been confused all day and doesn't know what day it is"],
    EM, [], "emergency: acute confusion in the patient (typed by his child)")
add("em-tarry-despite-tb", [
    "had my scan, they found a calcified granuloma, I had TB when I was young",
    "not sure it's relevant but I've had tarry poo for two days"],
    EM, [], "emergency: black tarry stools; a benign granuloma does not lower urgency")
add("em-corrected-denial", [
    "the CT says calcifications in the liver, stable since 2018",
    "the doctor asked if I had black stools and I said no, but actually this morning they were black"],
    EM, [], "emergency: black stools this morning; the earlier reported 'no' is corrected")
add("em-textspeak-vomit", [
    "txt from my phone sorry typos. ct showed liver calcifcation",
    "been vomitin blood on and off since lunch"],
    EM, [], "emergency: vomiting blood; typos")
add("em-husband-typing-collapse", [
    "My husband is typing as I feel too unwell. I had an ultrasound last week showing a calcified lesion in my liver.",
    "I collapsed on the stairs an hour ago."],
    EM, [], "emergency: collapse; it is the user's own (husband only types)")
add("em-triad-wait-question", [
    "got told the liver calcification is probably old histo, no big deal",
    "but since this morning I've got a fever and right sided tummy pain and my skin looks yellow, should I just wait for my appointment?"],
    EM, [], "emergency: fever + right-sided pain + jaundice together; said inside a question about waiting")
add("em-faint-after-denials", [
    "ct: few punctate calcific densities in liver",
    "nope no cancer",
    "no yellow",
    "actually i fainted at the bus stop this morning, felt ok after so i just went home"],
    EM, [], "emergency: fainted this morning (even if came round); after several short denials")

# ======================= SEE CLINICIAN SOON =======================
add("soon-growth-6-9", [
    "My CT shows a calcified nodule in the liver. Last year it was 6 mm, now it's 9 mm."],
    SOON, [], "soon: growing lesion (6 mm -> 9 mm) = prompt review (ACR: growth raises concern)")
add("soon-growth-mixed-units", [
    "The ultrasound report says 'hepatic calcification, previously 4 mm, now measures 1.1 cm'",
    "no cancer history"],
    SOON, [], "soon: growth 4 mm -> 1.1 cm (units differ), even without cancer history")
add("soon-mass-illdefined", [
    "CT: 1.8 cm hypodense mass with internal calcification and ill-defined margins in segment 8"],
    SOON, [], "soon: mass with ill-defined margins = concerning feature, prompt review")
add("soon-husband-yellow-eyes", [
    "my husband says my eyes look yellow lately",
    "oh and the ultrasound found small calcifications in the liver"],
    SOON, [], "soon: new jaundice (the user's own, noticed by husband), no fever or pain")
add("soon-stone-weight", [
    "had a ct for kidney stones, they found a liver calcification by chance",
    "I have lost nearly a stone in weight over 3 months and I'm not trying to"],
    SOON, [], "soon: unintentional weight loss ('a stone' is a weight, not a finding)")
add("soon-bowel-new", [
    "I had bowel cancer surgery in 2020",
    "CT follow up shows new calcified lesions in the liver that weren't there in 2023"],
    SOON, ["hepatic_metastases"], "soon: personal colorectal cancer history + new calcified lesions; metastases first")
add("soon-breast-mum-first", [
    "Asking for my mum, 74. She had breast cancer 8 years ago.",
    "Her scan shows several calcifications in the liver, first time they've seen them"],
    SOON, ["hepatic_metastases"], "soon: the patient's (mum's) own breast cancer history + newly seen calcifications; typed by daughter, so not family")
add("soon-swollen-hepc", [
    "my jeans won't do up anymore and my belly's swollen and tight",
    "they did an ultrasound and saw calcification in my liver. I have hep C"],
    SOON, ["chronic_liver_disease", "primary_liver_cancer"], "soon: swollen abdomen in chronic hepatitis C (prompt review)")
add("soon-interval-increase", [
    "The MRI report reads: 'Interval increase in size of the calcified lesion in segment VI, now 14 mm (previously 10 mm).'",
    "what does interval increase mean? is it bad?"],
    SOON, [], "soon: growth 10 -> 14 mm; facts + questions in one conversation, must still assess")
add("soon-cirrhosis-new", [
    "I have cirrhosis from alcohol, stopped drinking 2019",
    "the latest ultrasound shows a new calcified area that wasn't there 6 months ago"],
    SOON, ["chronic_liver_disease", "primary_liver_cancer"], "soon: new lesion in cirrhosis (high-risk)")
add("soon-colleague-noticed-yellow", [
    "i'm 58 and the ct found calcs in my liver",
    "not sure if related but I've gone a bit yellow this week, my colleague pointed it out"],
    SOON, [], "soon: new jaundice; the colleague only noticed it, the sign is the user's")
add("soon-soft-tissue-component", [
    "CT abdomen: 'Multiple calcified hepatic lesions, the largest 2.3 cm, with associated soft tissue component. Suggest correlation with tumour markers.'"],
    SOON, [], "soon: calcification with an associated soft-tissue mass = concerning feature")
add("soon-hydatid-active", [
    "scan found a cyst in my liver and the radiologist thinks hydatid, it says 'CE2 with daughter cysts, partial rim calcification'",
    "we had sheep dogs on the farm growing up"],
    SOON, ["hydatid_cyst"], "soon: active-stage (CE2) echinococcal cyst needs prompt treatment planning; calcification does not prove inactivity")
add("soon-new-focus-pasted", [
    "Impression: new 5 mm calcific focus in the left lobe, not seen on the CT from March 2022."],
    SOON, [], "soon: new lesion compared with prior imaging = prompt review")
add("soon-dad-weight-bowel", [
    "my dad has asked me to type this. his CT shows calcifications in the liver",
    "he has lost loads of weight, his trousers are falling down, he's not been dieting",
    "and he's had bowel cancer before"],
    SOON, ["hepatic_metastases"], "soon: the patient's unintentional weight loss (said indirectly) + his own bowel cancer history")
add("soon-weight-after-denial", [
    "Ultrasound showed a calcified spot in my liver",
    "the doctor asked if I've lost weight and I said no",
    "though thinking about it I've dropped 6 kg since Christmas without trying"],
    SOON, [], "soon: unintentional weight loss, corrected after an earlier reported 'no'")
add("soon-pbc-new-yellow", [
    "Ive got PBC and they found calcification on my MRI",
    "now my skin has turned yellow which is new, the itching I've had for years"],
    SOON, ["rare_metabolic"], "soon: new jaundice in PBC (no fever or pain); itching long-standing")
add("soon-granuloma-enlarging", [
    "CT chest/abdomen 2021: 'tiny calcified granuloma liver'. CT 2024: 'enlarging calcified lesion in the same location, 8 mm from 3 mm'"],
    SOON, [], "soon: a lesion once called a granuloma is now growing (3 -> 8 mm)")
add("soon-more-and-bigger", [
    "calcifications on the CT",
    "is it possible they've grown? The report says 'increased in number and size compared to prior'"],
    SOON, [], "soon: growing and new lesions on the report (user phrases it as a question)")
add("soon-mtx-swelling", [
    "I'm on methotrexate for RA and the ultrasound found small calcifications",
    "I've also noticed my tummy swelling up over the last month"],
    SOON, ["drug_related"], "soon: swollen abdomen (prompt review) in a methotrexate user")
add("soon-nurse-wife-jaundiced", [
    "my mri says calcified foci in liver, my wife says I look jaundiced and she's a nurse"],
    SOON, [], "soon: new jaundice, the user's own as observed by his wife")
add("soon-irregular-solid", [
    "ultrasound: calcified lesion 2cm with irregular margins and a solid component"],
    SOON, [], "soon: ill-defined margins and solid component = concerning features")
add("soon-repeat-grew", [
    "Hi, last year's CT showed a 7mm calcification and the radiologist suggested a repeat in 12 months",
    "the repeat was last week and it's 12mm now",
    "should I worry?"],
    SOON, [], "soon: growth on the planned one-year repeat (7 -> 12 mm)")
add("soon-mucinous-ovarian", [
    "hey so i had ovarian cancer, mucinous type, 2019",
    "new calcs in the liver on the surveillance CT"],
    SOON, ["hepatic_metastases"], "soon: mucinous adenocarcinoma history + new calcifications (calcifying metastases)")
add("soon-yellow-no-pain-no-fever", [
    "the liver calcification was found on a CT and I'm not bothered by it",
    "but my eyes have been yellow for about a week and my urine is dark. Not in pain, no temperature"],
    SOON, [], "soon: new jaundice without fever or pain")
add("soon-eyes-yellowy-indirect", [
    "people at work keep asking if I've been on holiday, apparently I look tanned, and the whites of my eyes have gone a yellowy colour",
    "I only went for the sonogram because of that, it showed a small calcification in the liver"],
    SOON, [], "soon: new jaundice described indirectly (tanned look, yellowy whites of eyes)")
add("soon-appetite-kilos", [
    "I was told the calcification in my liver was nothing to worry about",
    "but I've got no appetite and I'm 5 kilos down in two months, not dieting at all"],
    SOON, [], "soon: unintentional weight loss despite a reassuring earlier opinion")

# ======================= ROUTINE =======================
add("rout-amio-af", [
    "I've been on amiodarone for 9 years for AF",
    "the CT shows a few dense calcified foci in the liver",
    "no other symptoms"],
    ROUT, ["drug_related"], "routine: amiodarone use, no red flags")
add("rout-mtx-sonogram", [
    "Methotrexate for psoriasis since 2016. Sonogram says scattered calcification.",
    "nope nothing else"],
    ROUT, ["drug_related"], "routine: methotrexate, no red flags")
add("rout-hepb-punctate", [
    "I have chronic hepatitis B, and the ultrasound found punctate calcifications",
    "no yellowing, no weight loss, no swelling"],
    ROUT, ["chronic_liver_disease", "granulomatous_infection"], "routine: chronic hepatitis (high-risk), no red flags, nothing new or growing")
add("rout-haemochromatosis-stable", [
    "haemochromatosis diagnosed 2015, have venesections",
    "MRI: a couple of small calcifications, stable since 2021"],
    ROUT, ["rare_metabolic", "granulomatous_infection"], "routine: hemochromatosis (high-risk) with stable calcifications")
add("rout-cirrhosis-surveillance", [
    "I have cirrhosis, I'm on 6-monthly ultrasounds",
    "this one mentioned a small calcification, same as the last three scans"],
    ROUT, ["chronic_liver_disease", "granulomatous_infection"], "routine: cirrhosis (high-risk) with a stable calcification; keep surveillance")
add("rout-hydatid-ce5", [
    "CT showed an old hydatid cyst, 'CE5, completely calcified, unchanged since 2017'",
    "the surgeon said watch and wait"],
    ROUT, ["hydatid_cyst"], "routine: inactive (CE5), unchanged echinococcal cyst is watched with follow-up imaging")
add("rout-duct-stones-silent", [
    "ultrasound for something else found stones in the small bile ducts inside my liver",
    "no pain, no fever, not yellow"],
    ROUT, ["bile_duct_stones"], "routine: intrahepatic bile duct stones without pain, fever or jaundice; further imaging decides")
add("rout-pbc-urso", [
    "I have PBC, on ursodeoxycholic acid",
    "the CT showed some calcifications in the liver, nothing new otherwise"],
    ROUT, ["rare_metabolic", "granulomatous_infection"], "routine: PBC (high-risk), no red flags")
add("rout-letter-mother-amio", [
    "Good afternoon. I am writing on behalf of my mother, aged 79, who takes amiodarone. Her CT scan reports 'increased attenuation of the liver and a small calcified focus'.",
    "She has no other complaints."],
    ROUT, ["drug_related"], "routine: the patient's amiodarone (typed by her child), no red flags")
add("rout-rim-cyst-no-exposure", [
    "my ultrasound showed a 3 cm cyst with a thin calcified rim",
    "never lived on a farm or near sheep, no symptoms"],
    ROUT, ["cystic_lesion", "hydatid_cyst"], "routine: cyst with calcified wall needs characterisation (rim calcification also occurs in hydatid cysts), no red flags")
add("rout-hepc-fibrosis", [
    "hep C treated and cured in 2018 but I still have fibrosis",
    "scan says punctate calcification"],
    ROUT, ["chronic_liver_disease", "granulomatous_infection"], "routine: chronic liver disease (fibrosis after hepatitis C), no red flags")
add("rout-wife-mtx-sister-tb", [
    "asking for my wife: she's on methotrexate and her CT shows liver calcs",
    "her sister had TB"],
    ROUT, ["drug_related", "granulomatous_infection"], "routine: the patient's methotrexate; TB is her sister's (family), not hers")
add("rout-drinker-cirrhosis", [
    "I'm a heavy drinker and the ultrasound says early cirrhosis with a couple of calcific foci"],
    ROUT, ["chronic_liver_disease"], "routine: cirrhosis (high-risk), no red flags reported")
add("rout-finding-said-last", [
    "Hi. I take methotrexate 15mg weekly for rheumatoid.",
    "no tummy pain, no fever, I'm not yellow",
    "forgot to say the reason I'm here: CT found calcification in the liver"],
    ROUT, ["drug_related"], "routine: methotrexate, finding said last, negatives first")
add("rout-aih-granuloma-stable", [
    "my hepatologist follows me for autoimmune hepatitis",
    "the latest MRI has a calcified granuloma, same size as in 2020"],
    ROUT, ["granulomatous_infection", "chronic_liver_disease"], "routine: chronic hepatitis (high-risk) with a stable granuloma")
add("rout-nafld-cirrhosis-negs", [
    "scan found calcs in liver",
    "I've got cirrhosis from fatty liver",
    "no vomiting blood, no black stool, not confused"],
    ROUT, ["chronic_liver_disease"], "routine: cirrhosis without red flags (all red flags denied)")
add("rout-pasted-cirrhotic", [
    "Impression: coarse calcification, likely post-inflammatory. Background liver cirrhotic."],
    ROUT, ["chronic_liver_disease", "healed_infection"], "routine: cirrhotic liver (high-risk), calcification read as post-inflammatory")
add("rout-crohns-mtx-stable", [
    "I've been on methotrexate for Crohn's. MRI shows 2 small calcific foci, stable compared to last year."],
    ROUT, ["drug_related", "granulomatous_infection"], "routine: methotrexate use, stable; raise with prescriber")
add("rout-amio-mri-correction", [
    "CT showed tiny calcifications in the liver, I take amiodarone for my heart",
    "sorry my mistake, it was MRI not CT scan"],
    ROUT, ["drug_related"], "routine: amiodarone, no red flags; imaging corrected")

# ======================= REASSURANCE =======================
add("reas-single-granuloma", [
    "CT scan showed a single 4 mm calcified granuloma in the liver",
    "I'm 45, no health problems, no symptoms"],
    REAS, ["granulomatous_infection"], "reassurance: single small calcified granuloma, no risk factors, no symptoms")
add("reas-husband-jaundice-past", [
    "my husband had jaundice last year from gallstones",
    "my own CT showed a small calcification in the liver, I feel fine"],
    REAS, GRAN, "reassurance: the jaundice was the husband's (family), not the user's")
add("reas-dad-vomited-2019", [
    "my dad vomited blood in 2019 from an ulcer",
    "I had an ultrasound and it says there's a punctate calcification, that's all"],
    REAS, GRAN, "reassurance: vomiting blood was the father's, years ago")
add("reas-5mm-5mm-ohio", [
    "the calcified granuloma is previously 5 mm, now 5 mm",
    "I grew up in Ohio"],
    REAS, ["granulomatous_infection"], "reassurance: unchanged granuloma (5 mm -> 5 mm), histoplasmosis area")
add("reas-pasted-stable-no-new", [
    "report: 'Stable punctate hepatic calcifications, unchanged since 2019. No new lesions.'"],
    REAS, GRAN, "reassurance: punctate, stable over years, nothing new")
add("reas-pasted-sequelae", [
    "Liver: a few scattered calcified granulomas, likely sequelae of prior granulomatous disease. No focal mass. Impression: no acute abnormality."],
    REAS, ["granulomatous_infection"], "reassurance: old granulomatous disease, no mass ('no focal mass' is a negation)")
add("reas-doubtful-significance-tb", [
    "the radiologist called it a calcific focus of doubtful significance",
    "I had TB in Pakistan as a child, treated"],
    REAS, ["granulomatous_infection"], "reassurance: long-past treated TB, calcification of doubtful significance")
add("reas-abscess-healed", [
    "i had a liver abscess drained in 2014, fully recovered",
    "the CT now shows a calcification exactly where it was, same as the 2018 scan"],
    REAS, ["healed_infection"], "reassurance: remnant of a healed abscess, unchanged on follow-up (no treatment)")
add("reas-liver-tear-healed", [
    "car crash in 2010, my liver was torn and healed",
    "ultrasound shows a calcified area at the old injury site, unchanged for years"],
    REAS, ["healed_infection"], "reassurance: healed hematoma/injury remnant, unchanged")
add("reas-newborn-jaundice", [
    "I had jaundice as a newborn, mum says",
    "now at 30 my ultrasound found a tiny calcification"],
    REAS, GRAN, "reassurance: newborn jaundice is long past and resolved, not a current sign")
add("reas-slightly-smaller", [
    "the granuloma looks slightly smaller than in 2021 per the report",
    "no symptoms"],
    REAS, ["granulomatous_infection"], "reassurance: granuloma not growing (slightly smaller)")
add("reas-friend-cancer", [
    "my friend had liver cancer and now I'm terrified",
    "my CT shows one tiny calcification, that's literally it"],
    REAS, GRAN, "reassurance: the cancer is a friend's, not the user's or a relative's")
add("reas-dog-mass", [
    "our dog was just diagnosed with a liver mass and it made me think of my own report",
    "mine says 'calcified granuloma, benign'"],
    REAS, ["granulomatous_infection"], "reassurance: the mass is the dog's; the user's own finding is a benign granuloma")
add("reas-hypothetical-vomit", [
    "My CT showed punctate calcs. what if I start throwing up blood one day, what would I do?",
    "I'm fine right now, no symptoms at all"],
    REAS, GRAN, "reassurance: vomiting blood is hypothetical ('what if'), not present")
add("reas-in-case-yellow", [
    "ultrasound found small calcification",
    "in case I ever turn yellow, should I go straight to hospital?",
    "currently no yellowing no pain"],
    REAS, GRAN, "reassurance: jaundice only asked about 'in case', none now")
add("reas-confused-by-report", [
    "I'm so confused by my report, it says 'calcified granuloma right lobe'",
    "what does it mean, is it cancer?"],
    REAS, ["granulomatous_infection"], "reassurance: 'confused by my report' is not the symptom confusion; cancer only asked about")
add("reas-intentional-weight", [
    "Lost 10 kilos on purpose with slimming world this year and feel great",
    "during a check-up ultrasound they found a 3mm calcification"],
    REAS, GRAN, "reassurance: the weight loss was intentional")
add("reas-iron-black-stools-past", [
    "had black stools 3 years ago from iron tablets, doctors scoped me and it was fine",
    "now the CT shows a calcified granuloma in the liver"],
    REAS, ["granulomatous_infection"], "reassurance: black stools long past, explained (iron) and investigated; granuloma benign")
add("reas-schoolteacher-letter", [
    "To whom it may concern. I am a retired schoolteacher of 77 years. A recent CT scan, undertaken for my kidneys, incidentally noted 'a solitary punctate calcification within the liver, of no clinical significance'. I have never had cancer and enjoy good health. I should be grateful for your view."],
    REAS, GRAN, "reassurance: solitary punctate incidental calcification, no cancer, well; formal letter")
add("reas-family-pbc-cirrhosis", [
    "my sister has PBC and my mum has cirrhosis",
    "I had a scan and they saw a small calcified granuloma, no symptoms"],
    REAS, ["granulomatous_infection"], "reassurance: PBC and cirrhosis are relatives' (family), not the user's")
add("reas-textspeak-3mm", [
    "hi my us scan says small calcific focus liver 3mm",
    "no pain no fever nothin",
    "is it ok??"],
    REAS, GRAN, "reassurance: small calcification, no symptoms; text-speak")
add("reas-mri-correction", [
    "my CT showed a tiny granuloma in the liver",
    "correction - it was an MRI rather than a CT. same thing though, tiny granuloma, doc said benign"],
    REAS, ["granulomatous_infection"], "reassurance: tiny benign granuloma; imaging corrected")
add("reas-same-as-2021", [
    "it's unchanged since 2019, same as March 2021 and same again now",
    "'it' being the 2 mm calcification in my liver"],
    REAS, GRAN, "reassurance: 2 mm calcification stable for years; finding named after the comparison")
add("reas-colleague-wife-hydatid", [
    "My colleague's wife had hydatid cysts and now I'm panicking",
    "my ultrasound shows a single tiny punctate calcification, no cyst"],
    REAS, GRAN, "reassurance: the hydatid cysts were a colleague's wife's; the user has no cyst")
add("reas-anxious-repeats", [
    "ct says calcified granuloma",
    "so is that cancer then",
    "are you sure it's not cancer",
    "sorry I keep asking, is it really not cancer?"],
    REAS, ["granulomatous_infection"], "reassurance: calcified granuloma; cancer only asked about repeatedly, never a history")
add("reas-grandad-war-tb", [
    "I'm writing for my grandad, 88, his CT found some punctate calcification in the liver",
    "he had TB in the war"],
    REAS, ["granulomatous_infection"], "reassurance: the patient's own long-past TB (typed by grandchild), punctate calcification")
add("reas-hepa-childhood", [
    "Hep A when I was 12, recovered completely",
    "ultrasound shows a small calcified granuloma"],
    REAS, ["granulomatous_infection"], "reassurance: hepatitis A is acute and resolved (not chronic hepatitis); benign granuloma")
add("reas-doctor-asked-all-no", [
    "The doctor asked about fever, weight loss and yellow eyes and I said no to all of them",
    "the scan showed a 5 mm calcification which she said looks like an old granuloma"],
    REAS, ["granulomatous_infection"], "reassurance: reported denials of fever, weight loss, jaundice; old granuloma")
add("reas-nonnative-check-up", [
    "Good day doctor, on my check up the USG find one calcification 0.55 cm in right lobe of liver. My liver tests all normal.",
    "I am never having cancer or hepatitis. Please tell what to do."],
    REAS, GRAN, "reassurance: single small calcification, normal liver tests, no cancer or hepatitis; non-native English")
add("reas-wife-typing-no-yellow", [
    "my wife wanted me to ask, she's worried about me. my CT showed a few scattered calcifications, the report said likely old granulomas",
    "no yellowing that I've noticed",
    "not as far as I can tell"],
    REAS, ["granulomatous_infection"], "reassurance: old granulomas; short negative answers ('that I've noticed', 'not as far as I can tell')")

# ======================= extra: several things at once, pasted notes =======================
add("rout-mtx-multi-question", [
    "CT shows 3 scattered calcs and I'm on methotrexate - is that the cause, do I need to stop it, and what tests should I ask for?"],
    ROUT, ["drug_related"], "routine: methotrexate with calcifications; three questions in one message, must still assess")
add("reas-multi-q-missouri", [
    "Hi!! US found a 4mm calcified granuloma. I lived in Missouri most of my life. What causes these, do I need more scans, and can you explain it in plain words please"],
    REAS, ["granulomatous_infection"], "reassurance: small granuloma, histoplasmosis region, no symptoms; several questions + request")
add("soon-multi-q-growing-clinician", [
    "what's the treatment if it's growing? mine went from 5mm in 2022 to 8mm this year. also can I talk to a doctor",
    "it's a calcified lesion on my ct"],
    SOON, [], "soon: growth 5 -> 8 mm, stated inside a question plus a request for a clinician")
add("reas-pasted-letter-negatives", [
    "Copying from the letter: '62M, asymptomatic. Denies fever, weight loss or jaundice. US: 3 mm echogenic focus with posterior acoustic shadowing in segment V consistent with a calcified granuloma. No focal mass. No biliary dilatation.'"],
    REAS, ["granulomatous_infection"], "reassurance: pasted note, all negatives ('denies', 'no focal mass'), calcified granuloma")
add("em-own-notes-tarry", [
    "I've written my symptoms down for the doctor like this: 'no fever, no pain, black tarry stools since Tuesday, CT showed liver calcs'. does that look ok to bring along?"],
    EM, [], "emergency: black tarry stools hidden among negatives in the user's own list")

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "vignettes.json")
ids = [v["id"] for v in V]
assert len(ids) == len(set(ids)), "duplicate ids"
with open(out, "w") as f:
    json.dump(V, f, indent=1, ensure_ascii=False)
from collections import Counter
print(len(V), "vignettes", Counter(v["triage"] for v in V))
