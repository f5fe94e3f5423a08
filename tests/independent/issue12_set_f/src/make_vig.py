import json
G="granulomatous_infection"; H="healed_infection"; M="hepatic_metastases"; P="primary_liver_cancer"
C="chronic_liver_disease"; D="drug_related"; B="bile_duct_stones"; Y="hydatid_cyst"; CY="cystic_lesion"; R="rare_metabolic"
V=[]
def v(id, msgs, triage, causes, note):
    V.append({"id": "f-"+id, "messages": msgs, "triage": triage, "causes_top3_any": causes, "note": note})

# ---------------- reassurance ----------------
v("r-wife-says-not-yellow",
  ["my CT report says 'a few punctate calcifications in the right lobe, likely old granulomas'",
   "my wife asked if I'd gone yellow, she says no, I look the same as ever",
   "never had cancer, no tablets"],
  "reassurance", [G],
  "reassurance: punctate calcifications read as old granulomas; jaundice denied via the wife's report; no cancer, no drugs, no red flags")
v("r-pair-same-size",
  ["ultrasound found a calcified granuloma in my liver",
   "they compared it with my 2019 scan: previously 5 mm, now 5 mm",
   "no symptoms at all, I only had the scan for my kidneys"],
  "reassurance", [G],
  "reassurance: calcified granuloma, identical size on two dates = stable; incidental; no red flags")
v("r-pasted-same-as-march",
  ["Comparison: CT 14/03/2021. Liver: 3 mm calcified granuloma segment VIII, same as March 2021. No focal mass. No biliary dilatation.",
   "is that bad? I've never had cancer or liver problems"],
  "reassurance", [G],
  "reassurance: small granuloma stable since 2021, no mass, no cancer or liver disease")
v("r-sequelae-no-followup",
  ["IMPRESSION: Scattered punctate hepatic and splenic calcifications, likely sequelae of prior granulomatous disease. No further follow-up required.",
   "what does sequelae mean, and should i do anything?"],
  "reassurance", [G],
  "reassurance: radiologist attributes scattered punctate calcifications to old granulomatous disease and needs no follow-up; questions only")
v("r-friend-went-yellow",
  ["my scan found a tiny calcified granuloma in my liver",
   "my friend had one too and she ended up going yellow, will that happen to me?",
   "I'm fine myself, nothing wrong that I know of"],
  "reassurance", [G],
  "reassurance: the jaundice is a friend's, and the user's own is only a hypothetical question; small granuloma, no own symptoms")
v("r-dog-and-me",
  ["our vet found calcifications in our dog's liver on an ultrasound last week",
   "it got me thinking, my own CT last year mentioned a single calcified granuloma in my liver. should I worry about mine?",
   "no history of anything, I'm healthy"],
  "reassurance", [G],
  "reassurance: the dog's finding is not the user's; the user's own single calcified granuloma with no history or symptoms")
v("r-newborn-jaundice",
  ["I had jaundice as a newborn, my mum told me, never since",
   "the CT they did after my car accident showed punctate calcification in the liver, 'incidental' it says, the liver itself wasn't hurt"],
  "reassurance", [G],
  "reassurance: neonatal jaundice is long past and resolved; incidental punctate calcification, no cancer, no current red flags")
v("r-elderly-letter-old-tb",
  ["Dear Sir, I write as a retired schoolmaster of 81 years. A recent CAT scan of my abdomen, undertaken for my kidneys, revealed several small calcified granulomata in the liver. I had tuberculosis in 1952 and spent a year in a sanatorium. I should be most grateful for your opinion.",
   "I have no complaints of note, thank you."],
  "reassurance", [G],
  "reassurance: small calcified granulomas with old treated TB, incidental, no symptoms")
v("r-textspeak-us",
  ["hey so my u/s came back n it says 'punctate calcs liver ?old granuloma' lol wat",
   "nah no symptoms, was only scanned coz of my kidney",
   "no cancer ever, no meds"],
  "reassurance", [G],
  "reassurance: punctate calcifications probably old granuloma; no symptoms, cancer or drugs")
v("r-no-new-lesions",
  ["follow up MRI: known 4mm calcified granuloma, unchanged. no new lesions.",
   "do I need any more scans after this?"],
  "reassurance", [G],
  "reassurance: granuloma stable on follow-up with no new lesions ('no new lesions' is not change=new); question about tests only")
v("r-slightly-smaller",
  ["the granuloma they saw on the ultrasound in 2022 was 7 mm",
   "this year it measured 6 mm, slightly smaller they said",
   "nothing else wrong with me"],
  "reassurance", [G],
  "reassurance: granuloma not growing (slightly smaller over two years), no history or symptoms")
v("r-family-only-cirrhosis",
  ["ultrasound showed one small calcification, the radiologist thinks an old granuloma",
   "my dad had alcohol cirrhosis and my uncle had bowel cancer, does that make it more likely to be something bad?",
   "I don't drink much and I've never had cancer myself"],
  "reassurance", [G],
  "reassurance: cirrhosis and cancer are relatives' own history only; the user's small probable granuloma without risk factors")
v("r-gp-asked-said-no",
  ["the GP asked if I'd had yellow eyes, itching or weight loss and I said no to all of them",
   "the CT was for a kidney stone and mentioned a 2mm calcified granuloma in the liver as an aside"],
  "reassurance", [G],
  "reassurance: reported-speech denials of jaundice, itching, weight loss; tiny incidental granuloma; 'kidney stone' is not a liver finding")
v("r-past-ulcer-bleed",
  ["about ten years ago I had a bleeding stomach ulcer with black stools, sorted with tablets, nothing like that since",
   "now an ultrasound shows a couple of punctate calcifications in my liver, the report calls them probable old granulomas. is that connected to the ulcer?"],
  "reassurance", [G],
  "reassurance: black stools were ten years ago and resolved (history, not current); probable old granulomas")
v("r-anxious-repeat-cancer",
  ["CT said tiny calcified granuloma in liver",
   "is it cancer",
   "but could it be cancer though, like really really",
   "sorry i keep asking. no cancer before, no symptoms. is it cancer"],
  "reassurance", [G],
  "reassurance: cancer only named in anxious questions (no role); no personal cancer, no symptoms; tiny granuloma")
v("r-nonnative-benign-aspect",
  ["Hello, I am from Romania, my english not so good. Doctor make ultrasound of belly and write 'calcified granuloma 4 mm in liver, benign aspect'. I have no pain, no fever. Is problem?"],
  "reassurance", [G],
  "reassurance: 4 mm calcified granuloma described as benign; pain and fever denied")
v("r-healed-abscess",
  ["I had a liver abscess in 2015, it was drained and I had antibiotics",
   "CT now shows coarse calcification exactly where it was, unchanged since 2018",
   "feel completely well"],
  "reassurance", [H],
  "reassurance: remnant of a healed abscess, unchanged for years; no treatment needed when unchanged (article 2)")
v("r-correction-mri",
  ["my ct showed a calcified granuloma in the liver",
   "sorry, it was an MRI not a CT, I always get them mixed up",
   "it's small, 3mm, and the radiologist wrote 'incidental'"],
  "reassurance", [G],
  "reassurance: correction of imaging type only; small incidental granuloma")
v("r-histo-ohio",
  ["grew up on a farm in Ohio, doc says the calcified spots in my liver and lungs are probably from histoplasmosis I never knew I had",
   "nothing else going on, I feel great"],
  "reassurance", [G],
  "reassurance: calcified granulomas from old histoplasmosis, no symptoms")
v("r-colleague-collapsed",
  ["I'm worried because a colleague at work collapsed last week and it turned out to be his liver",
   "my own ultrasound showed a single small calcified granuloma",
   "I feel fine, no symptoms"],
  "reassurance", [G],
  "reassurance: the collapse is a colleague's, not the user's; own single small granuloma without symptoms")
v("r-hypothetical-vomit-blood",
  ["my sonogram mentions a tiny calcified granuloma",
   "what should I look out for? like if I ever vomited blood would that be linked?",
   "I've had nothing like that, just want to know"],
  "reassurance", [G],
  "reassurance: vomiting blood is hypothetical and then denied; tiny granuloma")
v("r-uncle-black-stools",
  ["CT shows two small calcified granulomas, of doubtful significance",
   "my uncle had black stools for weeks before they found his stomach cancer, so I'm scared",
   "no, nothing like that for me"],
  "reassurance", [G],
  "reassurance: black stools and cancer are the uncle's history; user denies; granulomas of doubtful significance")

# ---------------- see_clinician_routine ----------------
v("rt-methotrexate-ra",
  ["I've been on methotrexate for rheumatoid arthritis for 8 years",
   "ultrasound mentioned scattered small calcifications in the liver",
   "no other problems, my bloods have been normal"],
  "see_clinician_routine", [D],
  "routine: methotrexate user with scattered calcifications, no red flags")
v("rt-amiodarone-son-typing",
  ["my son is typing this for me. I'm 76 and take amiodarone for my heart rhythm. The CT showed some calcified areas in the liver.",
   "no, no yellowing, no weight loss, not that I've noticed"],
  "see_clinician_routine", [D],
  "routine: amiodarone with liver calcifications; jaundice and weight loss denied loosely")
v("rt-pbc-itch",
  ["I have PBC and I'm itchy a lot, that's been going on for years",
   "the MRI picked up a few punctate calcifications in my liver",
   "what could be causing them?"],
  "see_clinician_routine", [R, C],
  "routine: known PBC (rare_metabolic, high-risk group) with long-standing itch, no red flags; raise with the liver team")
v("rt-haemochromatosis",
  ["diagnosed with haemochromatosis, I have regular venesections",
   "the scan shows a small liver calcification, no change from 2 years ago"],
  "see_clinician_routine", [R],
  "routine: hemochromatosis (high-risk group) with a stable calcification, no red flags")
v("rt-hepb-surveillance",
  ["I have chronic hepatitis B and get an ultrasound every 6 months",
   "latest report: 'stable 6 mm calcific focus segment 5. No new focal lesion.'",
   "is this something to bring up or not?"],
  "see_clinician_routine", [C],
  "routine: chronic hepatitis B (high-risk) with a stable calcific focus; discuss at surveillance, no red flags")
v("rt-cirrhosis-denials",
  ["I have cirrhosis from alcohol, sober 4 years now",
   "CT mentioned calcification in the liver, same as last year",
   "no blood in my vomit, poo is a normal colour, and I'm thinking clearly"],
  "see_clinician_routine", [C],
  "routine: known cirrhosis with stable calcification; emergency signs all denied")
v("rt-fatty-meal-pain",
  ["ultrasound showed small calcified stones in the bile ducts inside the liver, they think",
   "for a couple of years I've had a mild ache under my ribs after greasy food like fish and chips, it settles within the hour",
   "no fever, not yellow, otherwise fine"],
  "see_clinician_routine", [B],
  "routine: possible bile duct stones with long-standing mild pain after fatty meals only; no fever, jaundice or severe pain (article 2 management)")
v("rt-breastca-stable",
  ["I had breast cancer in 2016, all clear since",
   "my oncology CT shows a 4 mm calcification in the liver that has been unchanged since 2018"],
  "see_clinician_routine", [M, G],
  "routine: personal cancer history but the calcification has not changed for years (no growth favours benign); raise with the oncologist")
v("rt-hydatid-ce5",
  ["I'm from a sheep farming area in Wales; years ago they found a hydatid cyst in my liver",
   "it's calcified all the way round, eggshell they call it. my surgeon says CE5, inactive, and just watches it, same size for 4 years",
   "should it be taken out?"],
  "see_clinician_routine", [Y],
  "routine: known inactive (CE5) calcified hydatid cyst, stable and under surveillance; inactive cysts are often watched (WHO-IWGE)")
v("rt-amiodarone-question",
  ["CT found a few calcifications in my liver",
   "could my heart tablet be doing it? it's amiodarone",
   "no other medicines and no other illnesses"],
  "see_clinician_routine", [D],
  "routine: amiodarone named inside a question but it is the user's own medicine; no red flags")
v("rt-methotrexate-typo",
  ["ive been on metotrexate for psoriasis since 2019",
   "xray of my tummy showed calcification over the liver, then the ct confirmed small calcs",
   "nope nothing else"],
  "see_clinician_routine", [D],
  "routine: methotrexate (misspelt) with small calcifications; 'nope' answers a question, not goodbye")
v("rt-hepc-fibrosis",
  ["had hep C, treated in 2017, but they said I'm left with some scarring (fibrosis)",
   "ultrasound: 'two punctate calcifications, of doubtful significance'"],
  "see_clinician_routine", [C],
  "routine: treated hepatitis C with fibrosis (chronic liver disease, high-risk) and small calcifications, no red flags")
v("rt-amiodarone-elderly-report",
  ["Dear Doctor, my general practitioner forwarded me the report of my CAT scan. It reads: 'Liver: a few small calcified foci, likely of no clinical significance. Patient on amiodarone.' I am 84 and take amiodarone for atrial fibrillation.",
   "My GP noted that I deny jaundice, fever or weight loss."],
  "see_clinician_routine", [D],
  "routine: amiodarone with small calcified foci; red flags denied in reported speech")
v("rt-nash-cirrhosis-question",
  ["I've got cirrhosis from fatty liver disease",
   "what treatment would calcifications need?",
   "the CT said 'scattered punctate calcifications, stable compared with prior'"],
  "see_clinician_routine", [C],
  "routine: cirrhosis with stable scattered calcifications; treatment question mid-conversation; no red flags")

# ---------------- see_clinician_soon ----------------
v("s-husband-says-yellow",
  ["CT showed punctate calcifications in my liver",
   "my husband says my skin has looked yellow this past week, I hadn't noticed myself"],
  "see_clinician_soon", [],
  "soon: new jaundice, the user's own sign reported by the husband (no role); no fever or pain")
v("s-pair-growing",
  ["the calcification was 6 mm on last year's CT and 9 mm on this one",
   "no, nothing else"],
  "see_clinician_soon", [],
  "soon: growing lesion (two sizes compared over time)")
v("s-growth-two-messages",
  ["my 2022 ultrasound showed a 4 mm calcified granuloma",
   "the one I had this month measured it at 7 mm"],
  "see_clinician_soon", [],
  "soon: growth stated across two messages (4 mm -> 7 mm)")
v("s-new-since-2020",
  ["CT 2024: 6 mm calcification segment II, not seen on CT 2020",
   "no history of cancer"],
  "see_clinician_soon", [],
  "soon: new lesion compared with prior imaging")
v("s-mass-coarse-questions",
  ["they found a 3.5 cm mass with coarse calcification on my CT and the doctor said to see my GP. what could it be and will I need a biopsy?"],
  "see_clinician_soon", [P, M],
  "soon: a mass with calcification needs prompt review; facts plus two questions in one message")
v("s-colon-new-foci",
  ["had my bowel cancer operation in 2022, I'm on surveillance",
   "latest CT: 'new punctate calcific foci in segments VI and VII, not present on prior study'"],
  "see_clinician_soon", [M],
  "soon: personal colorectal cancer with new calcific foci (colorectal metastases calcify)")
v("s-weight-loss-stone",
  ["mri found calcifications in the liver",
   "I've lost about a stone in weight without dieting since Christmas"],
  "see_clinician_soon", [],
  "soon: unintentional weight loss ('a stone' is weight, not a finding)")
v("s-swollen-abdomen",
  ["ultrasound showed coarse calcification in my liver",
   "my tummy has got really swollen over the last few weeks, my trousers don't fit any more"],
  "see_clinician_soon", [],
  "soon: swollen abdomen")
v("s-fever-dull-ache",
  ["CT showed a calcified granuloma",
   "since yesterday I've had a temperature and a dull ache under my right ribs",
   "no yellow eyes"],
  "see_clinician_soon", [],
  "soon: fever with right-upper abdominal pain (possible cholangitis), not severe, no jaundice")
v("s-uncertain-yellow",
  ["the sonogram mentioned scattered calcifications",
   "i think my eyes have gone a bit yellow? my sister thinks so too, but I'm not sure, might be the lighting"],
  "see_clinician_soon", [],
  "soon: possible new jaundice, uncertain but noticed by two people; uncertainty is not denial")
v("s-jaundice-inside-question",
  ["can you help me understand my ultrasound",
   "it says scattered calcifications in the liver",
   "what tests would they do? asking because my eyes have gone yellowish the last few days"],
  "see_clinician_soon", [],
  "soon: new jaundice stated inside a diagnosis question mid-assessment")
v("s-daughter-typing-mother",
  ["I'm writing for my mother who doesn't use computers. Her CT showed calcifications in her liver.",
   "Over the last week the whites of her eyes have turned yellow."],
  "see_clinician_soon", [],
  "soon: new jaundice of the patient, typed by her daughter")
v("s-breastca-new-questions",
  ["I finished chemo for breast cancer last year",
   "follow-up CT shows new small calcifications in the liver that weren't there before. is this the cancer back? what treatment would I need?"],
  "see_clinician_soon", [M],
  "soon: personal cancer with new calcifications; two questions with the facts")
v("s-hydatid-growing",
  ["I was told years ago I have a hydatid cyst with rim calcification",
   "this year's ultrasound says it's bigger, from 4 to 6 cm"],
  "see_clinician_soon", [Y],
  "soon: growing hydatid cyst (growth suggests activity; active cysts need treatment)")
v("s-elderly-weight-loss",
  ["Dear Sir or Madam, I am writing on behalf of my husband, who is 83 and cannot manage the computer. He recently had an ultrasound which showed calcification of the liver. He has lost a good deal of weight since the summer without trying and his appetite is poor. We would be grateful for your advice."],
  "see_clinician_soon", [],
  "soon: unintentional weight loss of the patient, reported by his wife in a letter")
v("s-nonnative-yellow",
  ["Hello, my English is little. Ultrasound show calcification in liver 8mm. Also white of my eye become yellow from 5 days. What is cause?"],
  "see_clinician_soon", [],
  "soon: new jaundice (non-native wording) plus a causes question")
v("s-correction-to-growth",
  ["CT shows a calcification, 5mm, same as before",
   "sorry I read it wrong. it was 5 mm in 2021 and it's 8 mm now"],
  "see_clinician_soon", [],
  "soon: correction turns 'stable' into growth (5 -> 8 mm)")
v("s-stable-then-yellow",
  ["the MRI said stable calcified granuloma, unchanged since 2019",
   "nope, no other medical history",
   "but my skin has been going yellow for a week or so, my daughter pointed it out"],
  "see_clinician_soon", [],
  "soon: new jaundice said late after a reassuring report")
v("s-textspeak-kilos",
  ["hiii so my ct said calcs in liver",
   "ya im fine mostly, dropped like 8 kilos without trying tho"],
  "see_clinician_soon", [],
  "soon: unintentional weight loss in text-speak")
v("s-fever-pain-as-question",
  ["would a fever and a pain on my right side under the ribs be related? because I've had both since Sunday, and the ultrasound showed liver calcifications last month"],
  "see_clinician_soon", [],
  "soon: fever with right-upper pain stated inside a question (actual, current); not severe, no jaundice")
v("s-from-to-mm",
  ["Ultrasound liver: echogenic focus with acoustic shadowing in segment 3, in keeping with calcification, from 5 to 8 mm since the last scan.",
   "I don't have any symptoms"],
  "see_clinician_soon", [],
  "soon: growing calcification ('from 5 to 8 mm') in pasted report language")

# ---------------- emergency ----------------
v("e-hidden-faint",
  ["my CT showed a few punctate calcifications in the liver",
   "no cancer, no medications",
   "they've been there since 2019, unchanged",
   "oh and I fainted in the shower this morning, probably nothing"],
  "emergency", [],
  "emergency: fainting, mentioned late in a routine conversation")
v("e-typing-for-husband-drowsy",
  ["typing for my husband, his ultrasound showed a calcified granuloma",
   "he's very drowsy today and doesn't seem to know where he is"],
  "emergency", [],
  "emergency: acute confusion/drowsiness of the patient, typed by his wife")
v("e-wife-says-confused",
  ["I have hepatitis C and the scan showed calcifications in my liver",
   "my wife says I've been talking nonsense since last night and I feel very sleepy"],
  "emergency", [],
  "emergency: user's own confusion reported by the wife (no role), with chronic liver disease")
v("e-black-tar-question",
  ["pasting my report: 'Liver: several small calcified granulomata. No focal mass.'",
   "btw my poo has been black like tar for 2 days, is that connected?"],
  "emergency", [],
  "emergency: black tarry stools, said inside a question after a benign report")
v("e-coffee-grounds-cirrhosis",
  ["ultrasound showed calcifications, I have cirrhosis",
   "threw up something like coffee grounds an hour ago"],
  "emergency", [],
  "emergency: coffee-ground vomit = vomiting blood")
v("e-triad",
  ["the CT says there may be calcified stones in the bile ducts",
   "I've got a fever, pain under my right ribs and my eyes went yellow today"],
  "emergency", [],
  "emergency: fever, right-upper pain and jaundice together (Charcot's triad, cholangitis)")
v("e-sudden-worst-pain",
  ["mri showed a calcified cyst in my liver",
   "suddenly the worst pain in my stomach i've ever had, came on 20 min ago"],
  "emergency", [],
  "emergency: sudden severe abdominal pain")
v("e-suicidal-pills",
  ["the ultrasound said calcification and I'm convinced it's cancer",
   "I can't cope any more, I've been thinking about ending my life and I have the pills ready"],
  "emergency", [],
  "emergency: suicidal thoughts with means and intent (NHS: emergency number / ED if may act)")
v("e-dad-collapsed",
  ["I'm typing for my dad, his scan showed liver calcification last week and he just collapsed in the hallway, he's awake now"],
  "emergency", [],
  "emergency: collapse even though he came round (NHS 999 guidance)")
v("e-blood-after-thanks",
  ["got my sonogram back, single calcified granuloma",
   "ok ty",
   "also been sick twice today and there was blood in it"],
  "emergency", [],
  "emergency: vomiting blood said after thanks, hidden in a reassuring conversation")
v("e-nonnative-asphalt",
  ["Good day. I have CT with calcification in liver. Since two days my stool is black colour like asphalt."],
  "emergency", [],
  "emergency: black stools (non-native wording)")
v("e-mid-assessment-vomit",
  ["help me understand my CT result",
   "it says coarse calcification segment 4",
   "is it serious? I vomited blood this morning"],
  "emergency", [],
  "emergency: vomiting blood inside a seriousness question mid-assessment")
v("e-elderly-letter-pain",
  ["Dear Sir, I am 88 years of age and my hospital letter reports a calcification in the liver. I write because since this afternoon I have had a sudden, severe pain in my abdomen which I can scarcely bear."],
  "emergency", [],
  "emergency: sudden severe abdominal pain in a formal letter")
v("e-denials-then-faint",
  ["CT showed small calcified granulomas",
   "no fever, no yellow skin",
   "I did pass out for a few seconds at breakfast though"],
  "emergency", [],
  "emergency: fainting after several denials")
v("e-son-mother-confused",
  ["I'm her son. My mother has cirrhosis and her CT showed calcifications in the liver.",
   "Since this morning she is very drowsy and confused, she didn't recognise me"],
  "emergency", [],
  "emergency: acute confusion/drowsiness in a patient with cirrhosis (typed by son)")
v("e-black-after-no-followup",
  ["CT: tiny calcified granuloma, no further follow-up required",
   "great thank you, that's a relief",
   "one more thing, my stools have been black and sticky since yesterday"],
  "emergency", [],
  "emergency: black sticky stools after a reassuring finding and thanks")
v("e-self-harm",
  ["I'm so scared about this scan, the ultrasound found calcifications",
   "I've cut myself tonight because I can't stand the waiting"],
  "emergency", [],
  "emergency: self-harm has happened (NHS: emergency number / ED)")
v("e-pain-when-touched",
  ["the doctor said my ultrasound showed calcified granulomas",
   "the pain in my belly came on suddenly an hour ago and it's really bad when I press on it"],
  "emergency", [],
  "emergency: sudden severe abdominal pain, tender to touch (NHS)")
v("e-correction-then-vomit",
  ["my x-ray showed calcification in the liver area",
   "sorry, it was a CT not an x-ray",
   "and i've been vomiting bright red blood since lunch"],
  "emergency", [],
  "emergency: vomiting blood after an imaging correction")

ids=[x["id"] for x in V]; assert len(ids)==len(set(ids))
json.dump(V, open("/tmp/set_f/vignettes.json","w"), indent=1, ensure_ascii=False)
from collections import Counter
print(len(V), Counter(x["triage"] for x in V))
