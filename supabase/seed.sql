-- seed: the ward plan of 2021-2025 as a campaign template, the ward thắng lợi with sample
-- units, and its open campaign for 2026-2030.
--
-- runs at every start, so every insert is "on conflict do nothing" on a fixed uuid: a second
-- run changes nothing, and what officers edited later is never overwritten.
-- source: kế hoạch của ubnd phường thắng lợi (tháng 11/2021) về xây dựng và nhân rộng điển
-- hình tiên tiến giai đoạn 2021-2025 (shared/seed/000_7bb1a03d5541431a.txt). the vietnamese
-- follows the plan's wording, shortened; each criterion also has a label of a few words for the
-- lists a resident scans (the text is read in full on request).
--
-- uuid scheme (easy to spot in logs and tests):
--   10000000-...-8000-...  template       10000000-...-8001-...  categories
--   10000000-...-8002-...  criteria       20000000-...-8000-...  ward
--   20000000-...-8001-...  units          30000000-...-8000-...  campaign
--   30000000-...-8001-...  campaign phases

-- the template ---------------------------------------------------------------------------------

insert into public.campaign_templates (id, code, title_vi, title_en, period_from, period_to, source)
values (
  '10000000-0000-4000-8000-000000000001', 'dhtt-2021-2025',
  'Xây dựng và nhân rộng điển hình tiên tiến trong phong trào thi đua “Toàn dân đoàn kết xây dựng đời sống văn hóa” gắn với Cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh”, giai đoạn 2021 – 2025',
  'Building and spreading advanced exemplars in the emulation movement “All people unite to build a cultural life”, linked to the campaign “All people unite to build new rural areas and civilised towns”, 2021–2025',
  '2021-01-01', '2025-12-31',
  'Kế hoạch của UBND phường Thắng Lợi, tháng 11/2021, thực hiện Kế hoạch số 586/KH-VHTT ngày 19/8/2021 của Phòng Văn hóa và Thông tin thành phố Pleiku'
) on conflict do nothing;

-- the plan gives the phases as years only (2021–2023, 2023–2025); we split them mid-2023
insert into public.template_phases (template_id, seq, name_vi, name_en, period_from, period_to,
                                    quota_collectives, quota_individuals, quota_is_minimum,
                                    goal_vi, goal_en)
values
  ('10000000-0000-4000-8000-000000000001', 1,
   'Giai đoạn 1: lựa chọn, bồi dưỡng điển hình', 'Phase 1: select and foster exemplars',
   '2021-01-01', '2023-06-30', 3, 3, false,
   'Lựa chọn 3 tập thể, 3 cá nhân điển hình tiên tiến để xây dựng kế hoạch bồi dưỡng, nhân rộng.',
   'Select 3 collectives and 3 individuals as advanced exemplars and plan how to foster and spread them.'),
  ('10000000-0000-4000-8000-000000000001', 2,
   'Giai đoạn 2: thẩm định, đề nghị tôn vinh', 'Phase 2: appraise and propose for honours',
   '2023-07-01', '2025-12-31', 3, 3, true,
   'Kiểm tra, thẩm định, đánh giá và đề nghị tôn vinh, khen thưởng ít nhất 03 tập thể và 03 cá nhân điển hình.',
   'Inspect, appraise and propose for honours and awards at least 3 exemplary collectives and 3 individuals.')
on conflict do nothing;

insert into public.categories (id, template_id, code, kind, seq, name_vi, name_en,
                               description_vi, description_en, requires_led_unit, unit_kinds)
values
  ('10000000-0000-4000-8001-000000000001', '10000000-0000-4000-8000-000000000001',
   'co_quan', 'collective', 1,
   'Mô hình cơ quan', 'Model agency',
   'Cơ quan, ban ngành, đoàn thể làm tốt cải cách hành chính, giữ kỷ cương, tiết kiệm.',
   'An agency, department or mass organisation that excels at administrative reform, discipline and thrift.',
   false, '{co_quan,doan_the}'),
  ('10000000-0000-4000-8001-000000000002', '10000000-0000-4000-8000-000000000001',
   'khu_dan_cu', 'collective', 2,
   'Khu dân cư văn hóa (tổ dân phố, làng)', 'Cultural residential area (residential group or village)',
   'Tổ dân phố, làng giữ gìn an ninh trật tự, nếp sống văn hóa và bản sắc dân tộc.',
   'A residential group or village that keeps order, a cultured way of life and its ethnic identity.',
   false, '{to_dan_pho,lang}'),
  ('10000000-0000-4000-8001-000000000003', '10000000-0000-4000-8000-000000000001',
   'can_bo', 'individual', 3,
   'Cán bộ, người làm việc ở cơ quan, doanh nghiệp',
   'Officials and people working in agencies or businesses',
   'Người làm việc trong cơ quan Đảng, Nhà nước, đoàn thể, lực lượng vũ trang, doanh nghiệp.',
   'Someone working in a Party or State body, a mass organisation, the armed forces or a business.',
   false, '{}'),
  ('10000000-0000-4000-8001-000000000004', '10000000-0000-4000-8000-000000000001',
   'nguoi_tot', 'individual', 4,
   'Người tốt, việc tốt', 'Good people, good deeds',
   'Người lao động, người dân sống đẹp, làm nhiều việc tốt, được mọi người quý mến.',
   'A worker or resident who does many good deeds and is loved and respected by all.',
   false, '{}'),
  ('10000000-0000-4000-8001-000000000005', '10000000-0000-4000-8000-000000000001',
   'lanh_dao', 'individual', 5,
   'Cá nhân lãnh đạo, quản lý', 'Leaders and managers',
   'Người đứng đầu gương mẫu; tập thể do người đó đứng đầu cũng phải là điển hình.',
   'An exemplary head of a unit; the collective they lead must itself be exemplary.',
   true, '{}')
on conflict do nothing;

-- criteria: category_id null = general (part III.2 of the plan), the rest from part III.3.
-- the plan names no specific criteria for officials and workers (can_bo); theirs come from
-- part I, which asks exactly those people to work with enthusiasm, productivity and results,
-- and to favour people who do direct work.
insert into public.criteria (id, template_id, category_id, seq, text_vi, text_en, label_vi, label_en)
values
  -- general
  ('10000000-0000-4000-8002-000000000001', '10000000-0000-4000-8000-000000000001', null, 1,
   'Thành tích tiêu biểu, dẫn đầu phong trào thi đua',
   'Outstanding results, leading the emulation movement',
   'Dẫn đầu phong trào', 'Leads the movement'),
  ('10000000-0000-4000-8002-000000000002', '10000000-0000-4000-8000-000000000001', null, 2,
   'Gương mẫu chấp hành chủ trương, pháp luật; học tập và làm theo Bác',
   'Follows Party policy and the law; lives by Ho Chi Minh’s example',
   'Làm theo Bác, đúng pháp luật', 'Follows Ho Chi Minh''s example and the law'),
  ('10000000-0000-4000-8002-000000000003', '10000000-0000-4000-8000-000000000001', null, 3,
   'Tích cực tham gia hoạt động nhân đạo, từ thiện, an sinh xã hội',
   'Active in humanitarian, charity and social welfare work',
   'Làm từ thiện, nhân đạo', 'Does charity work'),

  -- co_quan: model agency
  ('10000000-0000-4000-8002-000000000101', '10000000-0000-4000-8000-000000000001',
   '10000000-0000-4000-8001-000000000001', 1,
   'Thực hiện tốt cải cách hành chính', 'Carries out administrative reform well',
   'Cải cách hành chính tốt', 'Good administrative reform'),
  ('10000000-0000-4000-8002-000000000102', '10000000-0000-4000-8000-000000000001',
   '10000000-0000-4000-8001-000000000001', 2,
   'Chấp hành kỷ luật lao động, quy chế công vụ', 'Keeps labour discipline and civil-service rules',
   'Giữ kỷ luật, quy chế công vụ', 'Keeps discipline and rules'),
  ('10000000-0000-4000-8002-000000000103', '10000000-0000-4000-8000-000000000001',
   '10000000-0000-4000-8001-000000000001', 3,
   'Thực hiện quy chế dân chủ cơ sở, nếp sống văn hóa công sở',
   'Practises grassroots democracy and a cultured workplace',
   'Dân chủ, văn hóa công sở', 'Democratic, cultured workplace'),
  ('10000000-0000-4000-8002-000000000104', '10000000-0000-4000-8000-000000000001',
   '10000000-0000-4000-8001-000000000001', 4,
   'Duy trì hiệu quả các phong trào thi đua', 'Keeps emulation movements going effectively',
   'Duy trì phong trào thi đua', 'Keeps emulation going'),
  ('10000000-0000-4000-8002-000000000105', '10000000-0000-4000-8000-000000000001',
   '10000000-0000-4000-8001-000000000001', 5,
   'Thực hiện nghiêm túc chế độ làm việc', 'Keeps strictly to its working rules',
   'Nghiêm túc chế độ làm việc', 'Keeps to its working rules'),
  ('10000000-0000-4000-8002-000000000106', '10000000-0000-4000-8000-000000000001',
   '10000000-0000-4000-8001-000000000001', 6,
   'Thực hành tiết kiệm, chống lãng phí', 'Practises thrift and fights waste',
   'Tiết kiệm, chống lãng phí', 'Thrift, no waste'),
  ('10000000-0000-4000-8002-000000000107', '10000000-0000-4000-8000-000000000001',
   '10000000-0000-4000-8001-000000000001', 7,
   'Sử dụng hiệu quả ngân sách nhà nước', 'Uses the state budget efficiently',
   'Dùng ngân sách hiệu quả', 'Uses the budget well'),

  -- khu_dan_cu: cultural residential area
  ('10000000-0000-4000-8002-000000000201', '10000000-0000-4000-8000-000000000001',
   '10000000-0000-4000-8001-000000000002', 1,
   'Có quy ước (làng có hương ước)', 'Has community rules (a village charter for villages)',
   'Có quy ước, hương ước', 'Has community rules'),
  ('10000000-0000-4000-8002-000000000202', '10000000-0000-4000-8000-000000000001',
   '10000000-0000-4000-8001-000000000002', 2,
   'Giữ gìn nếp sống văn hóa, thuần phong mỹ tục, bản sắc dân tộc',
   'Keeps a cultured way of life, good customs and ethnic identity',
   'Giữ nếp sống văn hóa, bản sắc', 'Keeps culture and identity'),
  ('10000000-0000-4000-8002-000000000203', '10000000-0000-4000-8000-000000000001',
   '10000000-0000-4000-8001-000000000002', 3,
   'Giữ an ninh trật tự, không có người mắc tệ nạn xã hội',
   'Safe and orderly, with no one caught up in social evils',
   'An ninh trật tự, không tệ nạn', 'Safe, no social evils'),
  ('10000000-0000-4000-8002-000000000204', '10000000-0000-4000-8000-000000000001',
   '10000000-0000-4000-8001-000000000002', 4,
   'Hàng năm giảm hộ nghèo, không có hộ tái nghèo',
   'Fewer poor households every year, none falling back into poverty',
   'Giảm hộ nghèo, không tái nghèo', 'Fewer poor households'),
  ('10000000-0000-4000-8002-000000000205', '10000000-0000-4000-8000-000000000001',
   '10000000-0000-4000-8001-000000000002', 5,
   'Vệ sinh môi trường được đảm bảo', 'A clean, well-kept environment',
   'Môi trường sạch', 'Clean environment'),
  ('10000000-0000-4000-8002-000000000206', '10000000-0000-4000-8000-000000000001',
   '10000000-0000-4000-8001-000000000002', 6,
   'Tiết kiệm trong việc cưới, việc tang', 'Thrifty weddings and funerals',
   'Cưới, tang tiết kiệm', 'Thrifty weddings and funerals'),
  ('10000000-0000-4000-8002-000000000207', '10000000-0000-4000-8000-000000000001',
   '10000000-0000-4000-8001-000000000002', 7,
   'Đời sống nâng lên rõ rệt; cộng đồng dân chủ, đầm ấm',
   'Clearly better living standards; a democratic, warm community',
   'Đời sống khá lên, cộng đồng đầm ấm', 'Better lives, a warm community'),
  ('10000000-0000-4000-8002-000000000208', '10000000-0000-4000-8000-000000000001',
   '10000000-0000-4000-8001-000000000002', 8,
   'Cuối năm đạt chuẩn văn hóa, an toàn về an ninh trật tự',
   'Meets the year-end standard for culture, security and order',
   'Đạt chuẩn văn hóa cuối năm', 'Meets the year-end standard'),

  -- can_bo: officials, civil servants, public employees and workers
  ('10000000-0000-4000-8002-000000000301', '10000000-0000-4000-8000-000000000001',
   '10000000-0000-4000-8001-000000000003', 1,
   'Hăng say lao động, học tập và làm việc', 'Works and studies with enthusiasm',
   'Hăng say làm việc, học tập', 'Works and studies keenly'),
  ('10000000-0000-4000-8002-000000000302', '10000000-0000-4000-8000-000000000001',
   '10000000-0000-4000-8001-000000000003', 2,
   'Làm việc với năng suất, chất lượng, hiệu quả cao', 'Works with high productivity, quality and results',
   'Năng suất, hiệu quả cao', 'Highly productive'),
  ('10000000-0000-4000-8002-000000000303', '10000000-0000-4000-8000-000000000001',
   '10000000-0000-4000-8001-000000000003', 3,
   'Hoàn thành tốt mọi nhiệm vụ được giao', 'Completes every assigned task well',
   'Hoàn thành tốt nhiệm vụ', 'Completes tasks well'),
  ('10000000-0000-4000-8002-000000000304', '10000000-0000-4000-8000-000000000001',
   '10000000-0000-4000-8001-000000000003', 4,
   'Là người lao động trực tiếp', 'Does hands-on, frontline work',
   'Lao động trực tiếp', 'Hands-on worker'),

  -- nguoi_tot: workers, good people and good deeds
  ('10000000-0000-4000-8002-000000000401', '10000000-0000-4000-8000-000000000001',
   '10000000-0000-4000-8001-000000000004', 1,
   'Tích cực hưởng ứng các phong trào do các cấp phát động',
   'Takes an active part in the movements launched at every level',
   'Hưởng ứng phong trào', 'Joins the movements'),
  ('10000000-0000-4000-8002-000000000402', '10000000-0000-4000-8000-000000000001',
   '10000000-0000-4000-8001-000000000004', 2,
   'Có ý thức tổ chức kỷ luật, sáng tạo trong lao động', 'Disciplined and creative at work',
   'Kỷ luật, sáng tạo', 'Disciplined and creative'),
  ('10000000-0000-4000-8002-000000000403', '10000000-0000-4000-8000-000000000001',
   '10000000-0000-4000-8001-000000000004', 3,
   'Có sáng kiến cải tiến kỹ thuật, quy trình, nâng cao năng suất',
   'Has technical or process improvements that raise productivity',
   'Có sáng kiến, cải tiến', 'Has improvements'),
  ('10000000-0000-4000-8002-000000000404', '10000000-0000-4000-8000-000000000001',
   '10000000-0000-4000-8001-000000000004', 4,
   'Đoàn kết, tương trợ, giúp đỡ mọi người', 'Stands by and helps others',
   'Giúp đỡ mọi người', 'Helps others'),
  ('10000000-0000-4000-8002-000000000405', '10000000-0000-4000-8000-000000000001',
   '10000000-0000-4000-8001-000000000004', 5,
   'Có cách làm hay, hiệu quả ở đơn vị, địa phương', 'Has good, effective ways of doing things locally',
   'Có cách làm hay', 'Good ways of doing things'),
  ('10000000-0000-4000-8002-000000000406', '10000000-0000-4000-8000-000000000001',
   '10000000-0000-4000-8001-000000000004', 6,
   'Gia đình hàng năm đạt danh hiệu “Gia đình văn hóa”', 'Family named a “Cultural Family” every year',
   'Gia đình văn hóa', 'Cultural family'),
  ('10000000-0000-4000-8002-000000000407', '10000000-0000-4000-8000-000000000001',
   '10000000-0000-4000-8001-000000000004', 7,
   'Được mọi người quý mến, suy tôn', 'Loved and respected by everyone',
   'Được mọi người quý mến', 'Loved and respected'),

  -- lanh_dao: leaders and managers
  ('10000000-0000-4000-8002-000000000501', '10000000-0000-4000-8000-000000000001',
   '10000000-0000-4000-8001-000000000005', 1,
   'Nêu cao trách nhiệm người đứng đầu', 'Fully takes on the responsibility of the head',
   'Trách nhiệm người đứng đầu', 'Responsible as the head'),
  ('10000000-0000-4000-8002-000000000502', '10000000-0000-4000-8000-000000000001',
   '10000000-0000-4000-8001-000000000005', 2,
   'Lãnh đạo, chỉ đạo, điều hành nhiệm vụ có hiệu quả', 'Leads, directs and runs the work effectively',
   'Lãnh đạo, điều hành hiệu quả', 'Leads effectively'),
  ('10000000-0000-4000-8002-000000000503', '10000000-0000-4000-8000-000000000001',
   '10000000-0000-4000-8001-000000000005', 3,
   'Thực hiện tốt chức năng, nhiệm vụ của ngành', 'Fulfils the duties of their sector well',
   'Làm tốt nhiệm vụ của ngành', 'Fulfils the sector''s duties'),
  ('10000000-0000-4000-8002-000000000504', '10000000-0000-4000-8000-000000000001',
   '10000000-0000-4000-8001-000000000005', 4,
   'Tổ chức tốt các phong trào thi đua', 'Runs emulation movements well',
   'Tổ chức tốt phong trào thi đua', 'Runs emulation well'),
  ('10000000-0000-4000-8002-000000000505', '10000000-0000-4000-8000-000000000001',
   '10000000-0000-4000-8001-000000000005', 5,
   'Tập thể do người đó đứng đầu hoàn thành xuất sắc nhiệm vụ',
   'The collective they head excels at its tasks',
   'Tập thể mình đứng đầu xuất sắc', 'Their collective excels')
on conflict do nothing;

-- the ward ----------------------------------------------------------------------------------

insert into public.wards (id, code, name, receipt_prefix)
values ('20000000-0000-4000-8000-000000000001', 'thang-loi', 'Phường Thắng Lợi', 'TL')
on conflict do nothing;

-- SAMPLE DATA: these units are illustrative, not the ward's official list. officers replace
-- them with the real residential groups, villages, agencies and mass organisations.
insert into public.units (id, ward_id, kind, name, seq)
values
  ('20000000-0000-4000-8001-000000000001', '20000000-0000-4000-8000-000000000001', 'to_dan_pho', 'Tổ dân phố 1', 1),
  ('20000000-0000-4000-8001-000000000002', '20000000-0000-4000-8000-000000000001', 'to_dan_pho', 'Tổ dân phố 2', 2),
  ('20000000-0000-4000-8001-000000000003', '20000000-0000-4000-8000-000000000001', 'to_dan_pho', 'Tổ dân phố 3', 3),
  ('20000000-0000-4000-8001-000000000004', '20000000-0000-4000-8000-000000000001', 'to_dan_pho', 'Tổ dân phố 4', 4),
  ('20000000-0000-4000-8001-000000000005', '20000000-0000-4000-8000-000000000001', 'to_dan_pho', 'Tổ dân phố 5', 5),
  ('20000000-0000-4000-8001-000000000006', '20000000-0000-4000-8000-000000000001', 'to_dan_pho', 'Tổ dân phố 6', 6),
  ('20000000-0000-4000-8001-000000000007', '20000000-0000-4000-8000-000000000001', 'to_dan_pho', 'Tổ dân phố 7', 7),
  ('20000000-0000-4000-8001-000000000008', '20000000-0000-4000-8000-000000000001', 'to_dan_pho', 'Tổ dân phố 8', 8),
  ('20000000-0000-4000-8001-000000000011', '20000000-0000-4000-8000-000000000001', 'lang', 'Làng Ia Lang', 1),
  ('20000000-0000-4000-8001-000000000012', '20000000-0000-4000-8000-000000000001', 'lang', 'Làng Plei Ốp', 2),
  ('20000000-0000-4000-8001-000000000013', '20000000-0000-4000-8000-000000000001', 'lang', 'Làng Ia Kênh', 3),
  ('20000000-0000-4000-8001-000000000021', '20000000-0000-4000-8000-000000000001', 'co_quan', 'Văn phòng HĐND – UBND phường', 1),
  ('20000000-0000-4000-8001-000000000022', '20000000-0000-4000-8000-000000000001', 'co_quan', 'Công an phường', 2),
  ('20000000-0000-4000-8001-000000000023', '20000000-0000-4000-8000-000000000001', 'co_quan', 'Ban Chỉ huy Quân sự phường', 3),
  ('20000000-0000-4000-8001-000000000024', '20000000-0000-4000-8000-000000000001', 'co_quan', 'Trạm Y tế phường', 4),
  ('20000000-0000-4000-8001-000000000025', '20000000-0000-4000-8000-000000000001', 'co_quan', 'Trường Tiểu học Lê Lợi', 5),
  ('20000000-0000-4000-8001-000000000026', '20000000-0000-4000-8000-000000000001', 'co_quan', 'Trường Mầm non Hoa Sen', 6),
  ('20000000-0000-4000-8001-000000000031', '20000000-0000-4000-8000-000000000001', 'doan_the', 'Ủy ban MTTQ Việt Nam phường', 1),
  ('20000000-0000-4000-8001-000000000032', '20000000-0000-4000-8000-000000000001', 'doan_the', 'Hội Liên hiệp Phụ nữ phường', 2),
  ('20000000-0000-4000-8001-000000000033', '20000000-0000-4000-8000-000000000001', 'doan_the', 'Đoàn Thanh niên phường', 3),
  ('20000000-0000-4000-8001-000000000034', '20000000-0000-4000-8000-000000000001', 'doan_the', 'Hội Cựu chiến binh phường', 4),
  ('20000000-0000-4000-8001-000000000035', '20000000-0000-4000-8000-000000000001', 'doan_the', 'Hội Nông dân phường', 5)
on conflict do nothing;

-- the campaign 2026-2030 ----------------------------------------------------------------------

insert into public.campaigns (id, ward_id, template_id, code, title_vi, title_en, status,
                              opens_at, closes_at)
values (
  '30000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000001',
  '10000000-0000-4000-8000-000000000001', 'dhtt-2026-2030',
  'Xây dựng và nhân rộng điển hình tiên tiến giai đoạn 2026 – 2030',
  'Building and spreading advanced exemplars, 2026–2030',
  'open', '2026-01-01 00:00:00+07', '2030-12-31 23:59:59+07'
) on conflict do nothing;

-- deadlines are what officers would set: nominations for phase 1 close with the phase; phase 2
-- closes before the year's end so appraisal and honours fit into 2030
insert into public.campaign_phases (id, campaign_id, seq, name_vi, name_en, starts_on, ends_on,
                                    deadline, quota_collectives, quota_individuals,
                                    quota_is_minimum)
values
  ('30000000-0000-4000-8001-000000000001', '30000000-0000-4000-8000-000000000001', 1,
   'Giai đoạn 1: lựa chọn, bồi dưỡng điển hình', 'Phase 1: select and foster exemplars',
   '2026-01-01', '2028-06-30', '2028-06-30 17:00:00+07', 3, 3, false),
  ('30000000-0000-4000-8001-000000000002', '30000000-0000-4000-8000-000000000001', 2,
   'Giai đoạn 2: thẩm định, đề nghị tôn vinh', 'Phase 2: appraise and propose for honours',
   '2028-07-01', '2030-12-31', '2030-09-30 17:00:00+07', 3, 3, true)
on conflict do nothing;
