import type { FeedbackCategory } from '../../../shared/feedback/feedback-categories';

/**
 * The curated phrases that file feedback under a category, in Chinese and English. Written by
 * reading how customers complain on Taobao/JD reviews and English delivery reviews, not
 * generated: each entry is a way people actually say it. A plain string matches as written
 * (English ones only as whole words); a RegExp says what plain strings cannot (a gap of a few
 * characters, "took N days"). `unless` lists spans that look like the category but are not
 * ("没收到退款" is refund trouble, not a parcel never received).
 *
 * Phrases are matched on text that was NFKC-normalised and lower-cased; negation is decided by
 * the classifier (a negator just before the phrase in the same clause), so a phrase here that
 * carries its own negation ("没收到", "never arrived") is looked at only before its start.
 */
export interface CategoryLexicon {
  phrases: readonly (string | RegExp)[];
  unless?: readonly RegExp[];
  /**
   * What a fixed phrase list cannot foresee: a thing the category is about (`topics`: 物流,
   * refund, 图片) and a sign of trouble (`cues`: 没变, still waiting, 不一样) in the same clause.
   * Customers combine the two in endless ways ("物流信息三天没变了", "refund … still waiting"),
   * so the pair carries where single phrases run out. Cues carry their own negation.
   */
  pairs?: {
    topics: readonly (string | RegExp)[];
    cues: readonly (string | RegExp)[];
    /** "No manual in the box": for missing items, the topic being denied is itself the trouble. */
    deniedTopicIsCue?: boolean;
  };
}

export const FEEDBACK_LEXICON: Partial<Record<FeedbackCategory, CategoryLexicon>> = {
  delivery_late: {
    pairs: {
      topics: ['物流', '配送', /快递(?!员|小哥)/, '速度', '送货', '发货', 'delivery', 'shipping', 'postage'],
      cues: ['慢', '感人', '半个月', '十几天', '一周多', '一个多星期', '蜗牛', '乌龟', '走路', 'weeks', 'a week', 'ages', 'forever', 'snail'],
    },
    phrases: [
      '太慢', '很慢', '好慢', '真慢', '慢死', '慢得', '速度慢', '物流慢', '发货慢', '配送慢', '送得慢', '有点慢', '比较慢', '慢了',
      '晚到', '晚了', '送晚', '迟到', '迟了', '延误', '延迟', '拖了', '拖延', '超时', '龟速', '这么久', '太久', '好久才', '很久才',
      /等了(整整|足足|好|很)?(久|几天|一周|一个星期|半个月|[一二两三四五六七八九十\d]+天)/, /([一二两三四五六七八九十几\d]+|好几|半)(天|周|个星期|个月)才(到|送|收|发)/, '慢吞吞', '拖拉', '拖沓', '磨叽', '姗姗来迟', '迟迟', '一直不到', '一直没到', '晚点', '耽误', /(比|超过)(预计|承诺|说好|约定)的?(时间|日期)?(还)?(晚|迟|慢)/, /过了(预计|承诺|说好|约定)的?(时间|日期)/, /拖到.{0,4}才/,
      'late', 'delayed', 'delay', 'slow', 'slowly', 'took forever', 'took ages', 'took so long', 'took too long', 'overdue', 'behind schedule',
      /\btook (over |more than |almost |nearly )?(a|one|two|three|four|five|six|seven|ten|\d+) (whole )?(days?|weeks?)\b/, /\bdays? (late|behind)\b/,
      /\b(after|past|missed) the (promised|estimated|expected|delivery) (date|day|window)\b/, 'still waiting for it', '蜗牛', '龟速', 'snail pace', 'snail mail', /(showed up|turned up|arrived|came) (on|only on) (monday|tuesday|wednesday|thursday|friday|saturday|sunday)/, 'slower than', 'not on time', "wasn't on time", "didn't arrive on time", 'over a week', 'more than a week', 'took days', 'took a week', 'a week later', 'forever', 'ages to arrive', 'too long', 'later than', 'waited a week', 'waited forever',
    ],
  },
  failed_attempt: {
    pairs: {
      topics: ['派送', '投递', '配送', '送货', 'delivery', 'deliver'],
      cues: ['失败', '不成功', '未成功', '没成功', '没送成', 'failed', 'unsuccessful', 'unable', 'attempted'],
    },
    phrases: [
      '派送失败', '投递失败', '配送失败', '派送未成功', '二次派送', '再次派送', '重新派送', '改天再送', '又要等一天', '明明在家', '不在家', '我一直在家', '家里有人',
      /说(家里|家中)?(没人|无人|不在家|联系不上|打不通)/, /(没|没有|也不)(打|给我打)电话就/, '谎称', '派送不成功', '投递不成功', '根本没上门', '根本没来', '没来送', '留了个条', '没敲门', '不敲门', '虚假签收', '假装送过',
      'failed delivery', 'delivery attempt', 'attempted delivery', 'attempted to deliver', 'missed delivery', 'redelivery', 'redeliver', 'second attempt',
      "couldn't deliver", 'could not deliver', 'unable to deliver', 'i was home', 'i was at home', 'was home all day', 'was in all day', 'nobody home',
      /\b(said|claimed|says|claims)( that)? (no ?one|nobody) (was|is) (home|in|there|available)\b/, /\b(said|claimed|says|claims)( that)? (i|we) (wasn't|weren't|was not|were not) (home|in|there|available)\b/, 'recipient unavailable', 'never knocked', 'missed-delivery card', 'missed delivery card', 'tried to deliver', 'said they tried', 'claims they tried', 'claimed they tried', 'no one knocked', 'nobody knocked', "didn't even try", 'did not even try', "didn't knock", "didn't ring", 'never rang', 'without knocking',
    ],
  },
  not_received: {
    pairs: {
      topics: [/说(放|送|已|到)/, '显示', '签收', 'says', 'said', 'marked', 'shows', 'tracking shows', 'locker', '快递柜', '柜子', '妥投', 'received by', 'handed'],
      cues: ['根本没有', '没有啊', '没看到', '找不到', '没找到', '没拿到', 'nothing', 'not there', "wasn't there", 'empty', 'no sign', "isn't here", 'not here', '空的', '不是我签', "it wasn't", 'not me', 'alone'],
    },
    phrases: [
      '没收到', '没有收到', '未收到', '收不到', '没拿到', '没见到', '没看到包裹', '找不到包裹', '找不到快递', '不是我签收', '不是本人签收', '本人没有签收', '我没有签收', '没签收',
      /显示(已)?签收/, '被签收', '东西呢', '包裹呢', '快递呢', '货呢', '没见过', '没看见', '没有看到', '不翼而飞', '签收了个寂寞', '不见了', '凭空消失', '没到我手上', '没到手', '被冒领', '冒领', '丢件', '丢了', '弄丢', '快递丢', '包裹丢',
      'never received', 'never got', "didn't receive", 'did not receive', "haven't received", 'have not received', 'not received', 'never arrived', 'never showed up',
      'never came', 'handed to me', 'received by', 'i live alone', "wasn't me", '妥投', '不是我签的', '我没签', /显示(已)?(取件|妥投|投递)/, 'i have nothing', 'nothing arrived', 'nothing came', 'never turned up', 'disappeared', 'vanished', 'where is my', "where's my", 'marked as delivered', 'marked delivered', 'says delivered', 'shows delivered', 'showed delivered', 'said delivered', 'says it was delivered',
      'nowhere to be found', "can't find", 'cannot find', "couldn't find", 'stolen', 'got lost', 'was lost', 'lost in the post', 'lost parcel', 'lost package', 'missing parcel', 'missing package',
    ],
    unless: [/(没|没有|未|还没)收到(退款|钱|款|回复|退货)/, /以为(丢|被)/, /(商家|卖家|仓库|店家)(说|称)?(没|未|没有)收到/, /(receive|received|get|got|see|seen)( my| the| a| any)? (refund|money|reply|response)/],
  },
  wrong_place: {
    pairs: {
      topics: ['放', '扔', '丢', '送到', 'left', 'put', 'delivered to', 'dropped'],
      cues: ['隔壁', '邻居', '垃圾桶', 'wrong', 'neighbour', 'neighbor', 'doors down', '别人家', "someone else's door", "someone else's house", 'corner shop', 'instead of my house', 'instead of my home', 'next door', '别人家', 'corner shop', 'instead of', '小区门口'],
    },
    phrases: [
      '放错', '送错地址', '送错楼', '送错门', '送错地方', '送到隔壁', '放到隔壁', '放在隔壁', '放邻居', '放到邻居', '送到邻居', '扔在门口', '丢在门口', '扔门口', '随便放', '随手放', '乱放',
      '没送上门', '不送上门', '没有送上门', '不上门', '没有上门', '没经过我同意', '没经过同意', '未经同意', '未经允许', '没经我同意', '没问我就',
      /(擅自|直接|随便)(放|扔|丢)(到|在|进)?(了)?(驿站|快递柜|丰巢|菜鸟|门卫|保安|物业|楼下|门口|外面)/, /(放|扔|丢)(在|到)了?(小区)?(楼下|外面|门外|楼道|地上|草丛|门口|大门|鞋柜)/, /不是我(要求|指定|选|说)的/, /(扔|丢)(到|在|进)了?.{0,4}(快递柜|驿站|丰巢|门卫|保安室|物业|车棚|楼下|门口|楼道|草丛|外面|地上)/, '车棚', '没通知', '也不通知', '不通知',
      'wrong address', /\bwrong (porch|door|house|flat|apartment|building|floor|street|unit|block|gate|entrance|locker)\b/, 'doors down', 'wrong door', 'wrong house', 'wrong flat', 'wrong apartment', 'wrong building', 'wrong floor', 'next door', "neighbour's", "neighbor's", 'my neighbour', 'my neighbor',
      'left outside', 'left it outside', 'left on the street', 'left in the rain', 'dumped', 'bike shed', 'in the shed', 'in the garage', 'in the bin', 'in the bushes', 'behind the bins', 'without telling me', 'without notifying', 'without any notice', 'in the hallway', 'gave it to a neighbour', 'gave it to a neighbor', 'left on the doorstep', 'in full view', 'thrown over', 'left at the gate', 'in the lobby', 'without asking', 'without my consent', 'without my permission',
      "didn't bring it up", 'not to my door', 'never came to my door', 'instead of my door', 'instead of my flat', 'instead of bringing it',
    ],
  },
  courier_behaviour: {
    pairs: {
      topics: ['快递员', '小哥', '司机', '配送员', '送货员', '派件员', '快递小哥', 'courier', 'driver', 'delivery guy', 'delivery man', 'postman', 'he', 'she'],
      cues: ['喊', '吼', '骂', '凶', '拽', '冷漠', '不耐烦', '爱答不理', '摔', '踢', '扔', 'rude', 'short with', 'slammed', 'kicked', 'threw', 'yelled', 'shouted', 'swore', 'ignored', 'smoked', 'aggressive', 'hung up'],
    },
    phrases: [
      /态度(还|也|真|特别|非常|很|太|极)*(差|恶劣|不好|坏)/, /说话.{0,2}(冲|难听|凶)/, /多(给|收|要)了?.{0,3}钱/, '不负责', '骂骂咧咧', '甩脸色', '爱答不理', '爱理不理', '发脾气', '脾气差', '脾气很差', /(快递员|小哥|司机|送货员|配送员)(很|太|好|非常|特别|超|真)?(凶|粗鲁|冷漠|不耐烦|没礼貌|不礼貌|不客气|拽)/, '吼我', '冲我吼', '骂人', '骂我', '很凶', '好凶', '太凶', '凶巴巴', '不耐烦', '粗鲁', '没礼貌', '不礼貌', '没素质',
      '挂电话', '挂我电话', '让我自己下楼', '让我下楼', '叫我下楼', '让我自己去取', '要我自己去拿', '暴力', '乱扔', '扔包裹', '摔包裹', '加钱', '多收', '收我钱',
      'rude', 'impolite', 'unfriendly', 'yelled', 'shouted', 'swore', 'bad attitude', 'attitude', 'threw the parcel', 'threw the package', 'threw it', 'tossed', 'hung up', 'unprofessional',
      'made me come down', 'refused to come up', 'aggressive', 'disrespectful', 'extra money', 'extra fee', 'grumpy', '大喊大叫', '爱要不要', 'short with me', 'slammed', 'kicked', 'snapped at', 'swearing', 'cursed', 'impatient', 'dismissive', 'nasty', 'smoking', 'arrogant',
    ],
  },
  damaged_in_transit: {
    phrases: [
      '破损', '压坏', '压扁', '压烂', '压碎', '压变形', '摔坏', '摔碎', '摔烂', '碎了', '破了', '裂了', '裂开', '变形', '凹了', '凹进', '瘪了', '箱子烂', '是破的', /(箱|盒|包装)(子)?(有点|有些)破/, '盒子烂', '外箱破', '漏了', '洒了', '撒了', '湿了', '泡水', '受潮', '漏液', '破碎', '碎成', '碎片', '磕坏', '磕破', '磕碰', '磕掉', '缺角', '凹陷', '撞坏', '挤坏', '挤压', '压伤', '烂了', '划痕',
      'damaged', 'damage', 'crushed', 'smashed', 'cracked', 'dented', 'dent', 'torn', 'squashed', 'squished', 'leaking', 'leaked', 'soaked', 'wet', 'shattered', 'broken', 'scratched', 'scratch', 'ripped', 'in two pieces', '断成', 'chipped', 'bent', 'busted', 'punctured', 'crumpled', 'in pieces', 'spilled', 'spilt', 'melted',
    ],
    unless: [/完好无损|无损|毫发无伤/, /(质量|做工)(不|很)?(好|差)/, /(缩水|洗|穿).{0,3}变形/, /flimsy (packaging|box|envelope|bag|mailer)/],
  },
  defective: {
    pairs: {
      topics: ['插上电', '通电', '开机', '充电', '拉链', '按钮', '按键', '屏幕', '电池', '鞋', 'plug', 'power', 'zip', 'zipper', 'button', 'battery', 'screen', 'handle', 'strap', 'seam', 'sole', '耳机', '音箱', '喇叭', 'speaker', 'kettle', '水壶', '机器', 'device', 'headphones', 'earbuds'],
      cues: ['没有任何反应', '没反应', '不工作', '开胶', '断了', '坏了', '掉了', '不灵', 'broke', 'snapped', 'came off', 'fell off', 'stopped', "doesn't work", "won't", 'nothing happens', 'died', 'dead', '罢工', '只能用', 'crackles', 'crackling', 'buzzing', 'leaks', 'leaking', '不行', '没声音', '不响', '发烫'],
    },
    phrases: [
      '质量差', '质量很差', '质量太差', '质量不好', '质量不行', '质量一般', '做工差', '做工粗糙', '瑕疵', '次品', '残次', '不能用', '用不了', '没法用', '无法使用', '开不了机', '无法开机', '开不了', '打不开', '不工作', '没反应', '故障', '坏的',
      '开线', '开胶', '只能用', '罢工', '续航', 'crackles', 'crackling', 'buzzing', 'leaks from', 'leaking from', "doesn't hold", /质量(真|太|很|非常|特别|超)?(差|不行|不好|堪忧|太次)/, '按不动', '按键失灵', '不亮', '不出水', '不制冷', '不加热', '卡顿', '死机', '黑屏', '花屏', '异响', '噪音大', '发热严重', '一洗就', '褪色', '坏了', '没声音', '脱胶', '不耐用', /没(用|穿|戴|洗)几(天|次|下)就/, /(用|穿|戴|洗)了?几(天|次|下)就/, '掉色', '起球', '充不进电', '充不上电', '不充电', '漏电', '失灵', /用了[一二两三四五六七八九十几\d]+(天|次|周|下)就(坏|不)/, '就坏了', '是坏的',
      'defective', 'faulty', "doesn't work", 'does not work', "didn't work", 'not working', 'stopped working', "won't turn on", "won't charge", 'dead on arrival', 'poor quality', 'bad quality', 'cheap quality', 'cheaply made',
      'flaw', 'flawed', 'fell apart', 'falling apart', 'stitching', 'came apart', 'malfunction', 'broke after', 'broke within', 'broke the first', 'stopped charging', 'peeling', "won't power on", "doesn't turn on", 'does not turn on', "won't start", "doesn't charge", 'no sound', 'glitchy', 'keeps crashing', 'poorly made', 'shoddy', 'wobbly', 'shrank', 'broken out of the box', 'dead pixel', "doesn't close", "doesn't fit", 'does not close', 'a hole in',
    ],
    // 摔坏了, 压坏了 is what the trip did, not what the factory made.
    unless: [/(摔|压|磕|撞|挤|碰|砸)坏/, /(box|packaging|carton|纸箱|箱子)\b.{0,20}(falling apart|fell apart)/],
  },
  wrong_item: {
    pairs: {
      topics: ['下单的', '订的', '买的', '要的', '选的', '拍的', 'ordered', 'bought', 'chose', 'picked'],
      cues: ['不一样', '不同', '发来的是', '收到的是', '来的是', 'different', 'instead', 'not the', 'wrong', '寄来的是', '到的是'],
    },
    phrases: [
      '发错', '错发', /(订|买|要|选)的是.{1,10}(收到|来|发|给)的是/, '不是我要的', '不是我的订单', 'not my order', "isn't my order", /\bnot the \w+ (i|we) (chose|ordered|picked|selected)\b/, '发的不是', '货不对', '错了颜色', '颜色错', '尺码错', '發錯', '錯發', '旧款', '寄错', '不是我买的', '不是我订的', '不是我下单的', '颜色不对', '颜色发错', '尺码不对', '码数不对', '型号不对', '规格不对', '款式不对', /发成了?/, /给我发了个?别的/, '别人的包裹', '收到别人的',
      'wrong item', 'wrong product', 'wrong size', 'wrong colour', 'wrong color', 'wrong model', 'wrong one', 'wrong thing', 'wrong order', 'not what i ordered', "isn't what i ordered", 'not what i bought',
      'sent me a different', 'received a different', 'different item', 'different edition', 'different version', /\binstead of the \w+( one)? i (ordered|bought|chose|picked)\b/, /\b(ordered|bought) (a |an |the )?(size|colour|color)\b/, 'different product', "someone else's", 'sent the wrong', 'not the one i ordered', 'incorrect item', 'wrong variant', 'wrong flavour', 'wrong flavor', /\bi ordered (a |an |the )?(size |colou?r )?(xs|s|m|l|xl|xxl|large|small|medium|black|white|red|blue|green|pink|grey|gray)\b.{0,30}\b(received|got|sent|came)\b/, /\binstead of the (one|item|colour|color|size)\b/,
    ],
    unless: [/货不对板/],
  },
  missing_item: {
    pairs: {
      topics: ['赠品', '说明书', '配件', '附件', '充电器', '数据线', '电池', '螺丝', 'manual', 'instructions', 'instruction manual', 'cable', 'charger', 'batteries', 'free gift', 'gift', 'sample', 'screws', 'lid', 'remote', 'parts', 'pieces', 'items', 'things'],
      cues: ['没给', '没有给', '没送', '没发', '没有', '没', '少', '缺', '不见', 'missing', 'not included', 'left out', 'absent', "weren't in", "wasn't in", 'only'],
      deniedTopicIsCue: true,
    },
    phrases: [
      '少了', '少发', '漏发', '缺了', '缺少', '少件', '少一', '少个', '少给', /只(收到|到了|有|来了)[一二两三四五六七八九十\d]+/, '只有一件', '只到了一', '配件没有', '没有配件', '赠品没有', '没有赠品', '没给赠品', '没送赠品', '说明书没有', '没有说明书', '空盒', '空空的', /只有[一二两三四五六七八九十\d]+(个|件|盒|瓶|本|双|只)/, /\bonly (one|two|three|four|five|\d+) (came|arrived|were in|was in)\b/, "weren't in the", "wasn't in the", '没装', '漏装', '忘了放', '没放进', '不全', '配件不全', '少配件', /只(发|寄)了[一二两三四五六七八九十\d]+/, '空箱',
      'missing', 'only one of', 'only received one', 'only got one', 'only two of', 'not in the box', "wasn't in the box", 'was not in the box', 'not included', 'left out', 'incomplete', 'forgot to include', 'empty box', 'one short', "wasn't included", "weren't included", "didn't include", "didn't come with", 'did not come with', 'half the order', 'part of my order', 'only half',
    ],
    unless: [/missing (parcel|package)/, /没(有)?(任何|什么)?问题/, /没电/],
  },
  not_as_described: {
    pairs: {
      topics: ['图片', '图上', '描述', '详情', '宣传', '照片', '主图', '介绍', '写的是', '说是', 'picture', 'photo', 'photos', 'pictures', 'description', 'listing', 'advertised', 'claimed', 'labelled', 'labeled', /"[a-z ]+"/, '详情页', '标的', '标注', 'product page', 'page', 'label', 'website'],
      cues: ['不一样', '不符', '不同', '暗', '差很多', '差太多', '差别', '小很多', '塑料', '收到是', '实际是', '其实是', '根本不是', '不是一个', 'different', 'nothing like', 'darker', 'smaller', 'cheaper', 'actually', 'acrylic', 'plastic', 'fake', "isn't", 'is not', '明显是', '明显不是', '小了', '大了', '薄', 'thinner', 'chipboard', 'sticker', 'suggests'],
    },
    phrases: [
      '与描述不符', '和描述不符', '跟描述不符', '与描述不一样', '和描述不一样', '跟描述不一样', '描述不符', '图片不符', '和图片不一样', '跟图片不一样', '与图片不一样', '和图片差', '跟图片差', '色差', '货不对板', '实物与', '实物和', '实物跟',
      /(和|跟|与)(宣传|图片|描述|详情|介绍|视频|主图|说的).{0,6}(不一样|不符|不同|差距|差别|相差|出入)/, '宣传图', '明显是', '人造革', 'product page', 'chipboard', 'is actually', '标的', '标注', '照骗', '严重不符', '不是图上', '和宣传', '跟宣传', '虚假宣传', '比图片小', '比描述小', '比想象中小', '材质不是', '不是纯', '假货', '不是正品', '详情页', '买家秀', '卖家秀', '缩水',
      'not as described', "doesn't match the description", 'does not match the description', "didn't match the description", 'different from the picture', 'different from the photo', 'different from the pictures', 'different from the photos',
      'looks nothing like', 'nothing like the picture', 'nothing like the photo', 'not like the picture', 'not like the photo', 'misleading', /\b(shown|pictured) in the (photos?|pictures?|listing)\b/, /\bnot (quite |really |exactly )?(as|like) (pictured|shown|advertised)\b/, /\b(listing|description|ad) (says|said|claims|claimed)\b/, 'smaller than', 'not genuine', 'smaller than described', 'different than described', 'different from described', 'not what was advertised', 'misrepresented', 'looks cheaper than', 'fake', 'counterfeit', 'knock-off', 'the description said', 'description says', 'listing said', 'advertised',
    ],
  },
  packaging: {
    pairs: {
      topics: ['包装', '塑料袋', '袋子', '纸箱', '快递袋', 'box', 'packaging', 'padding', 'bubble wrap', 'envelope', 'bag', 'packed', 'packing', '纸袋', '易碎品', 'carton'],
      cues: ['简陋', '简单', '太大', '太薄', '直接装', '就寄', '浪费', 'too big', 'bigger than', 'waste', 'flimsy', 'thin', 'cheap', 'no padding', 'not enough', 'at all', '不垫', '没垫', 'reused', 'falling apart', 'eco', 'air pillows'],
    },
    phrases: [
      /包装.{0,4}(简陋|敷衍|随便|太差|很差|不好|一般|太薄|简单|寒酸|廉价|破旧|脏)/, /连个(纸箱|盒子|箱子|泡沫)都没/, '没有纸箱', '纸袋', 'air pillows', 'not eco', 'eco-friendly', '不垫', '没垫', '没有盒子', '裸发', '纸箱太薄', '袋子太薄', '没有填充', '包装差', '包装过度', '过度包装', '包装太多', /(没有|没|无)(任何)?(防护|保护|泡沫|气泡膜|缓冲)/, /(就|只)(用了)?(一个)?(塑料)?袋子/, '只套了', '只用了一个袋子', '包装太薄', '包装袋破',
      'poorly packed', 'poorly packaged', 'badly packed', 'badly packaged', 'flimsy packaging', 'flimsy box', 'no bubble wrap', 'no padding', 'no protection', 'just a bag', 'too big', 'rattling', 'plastic bag', 'too much packaging', 'excessive packaging', 'too much plastic', 'packaging was poor', 'packaging was bad', 'packaging was terrible', 'thin envelope', 'mailer', 'no box', 'loose in the box', 'insufficient packaging', 'inadequate packaging', 'poor packaging', 'bad packaging', 'terrible packaging', 'cheap packaging', 'no cushioning', /\bpackag(ing|ed)\b.{0,20}\b(joke|poor|bad|terrible|awful|cheap|flimsy|thin|inadequate|insufficient|rubbish|lazy|minimal|careless)\b/, /\b(poor|bad|terrible|awful|cheap|flimsy|thin|inadequate|insufficient|lazy|minimal|careless|shoddy)(ly)? packag(ing|ed)\b/,
    ],
  },
  tracking_not_updating: {
    pairs: {
      topics: ['物流', '物流信息', '快递信息', '轨迹', '追踪', 'tracking', 'tracking page', 'status', 'the app'],
      cues: ['没变', '不变', '没更新', '不更新', '停', '卡', '没动', '不动', '一直显示', '老信息', '停留在', 'label created', 'for three days straight', 'for days straight', 'stopped', 'stuck', 'frozen', 'never changed', "didn't change", 'just said', 'only said', 'still said', 'no update', 'not updating', 'same', '停留', '老信息', 'for days', 'straight', 'for three days', 'for a week'],
    },
    phrases: [
      '物流不更新', '物流信息不更新', '物流没更新', '物流没有更新', '物流信息没有', '没有物流信息', '查不到物流', '信息不更新', '信息没更新', '不更新', '没更新', '没有更新', '一直不动', '几天没动', '物流停', '停在', '卡在', '一直显示', '没动静', '没有动静', '没有变化', '没变化', /物流.{0,6}(几天|好几天|一周|一直)(都)?(没|不)(动|更新|变)/, /显示.{0,6}没有(任何)?(信息|更新)/,
      'not updating', "wasn't updating", "didn't update", 'never updated', 'no updates', 'no update', 'stuck at', 'stuck in', 'stuck on', "hadn't moved", "didn't move", 'no tracking', 'no information', 'status never changed', "hasn't changed", "hasn't moved", "hasn't updated", 'not moved', 'no movement', 'sat at', 'sitting at', 'stuck', 'same status',
      /\btracking (info |information )?(was |is )?(useless|wrong|inaccurate|frozen|dead)\b/, /\b(tracking|status) (said|showed|says)\b.{0,30}\bfor (a|one|two|\d+) (week|days)/, /\btracking (didn't|did not|never|wasn't|hasn't)\b/,
    ],
  },
  refund_trouble: {
    pairs: {
      topics: ['退款', '退货', '退钱', '钱', '款', '售后', 'refund', 'returned', 'return', 'money', 'the money', '运费', 'pickup'],
      cues: ['还没', '没到', '没收到', '驳回', '拒', '拖', '一直', '不给', '不让', '麻烦', '两周', '一个月', 'still', 'waiting', 'rejected', 'denied', 'refused', 'never', "haven't", 'not yet', 'ago', '自己出', 'processing', 'never happened'],
    },
    phrases: [
      '退款慢', '退款太慢', '退款还没', '还没退款', '没有退款', '没退款', '不给退', '不让退', '不给退款', '退不了', '拒绝退', '退货麻烦', '退货难', '退款难', '退款没到', '钱还没退', '一直没退',
      /(没|没有|未|还没)收到(退款|钱|款)/, /(售后|客服)(不理|不回|没人|没有回|推脱|踢皮球|态度)/, '没人处理', '申请了退', '退款一直', '退款被拒', '退货被拒', '换货', '还在审核', '推脱', '自己出运费', "can't get my refund", 'pickup never happened', '迟迟不退', '不退钱', /退(款|钱).{0,10}(审核|拖|慢)/, '拒收退货', '退货运费', '没到账', '退货流程', '没来取件', '不来取件', '不能退', /退(款|货).{0,8}(一周|几天|好久|很久|还没|没到账|麻烦|太慢|不处理|没人)/,
      'no refund', 'refund still', "refund hasn't", 'refund has not', 'refund never', 'refund was refused', 'refund was rejected', 'refund is pending', 'refund pending', 'refund delayed', 'waiting for my refund', 'waiting for the refund', 'waiting on my refund',
      /(haven't|have not|never|didn't|did not|not yet) (received|got|gotten|get)( my| the| a| any)? (refund|money back)/, "won't refund", 'refuse to refund', 'return was rejected', "won't let me return", 'would not let me return', "couldn't return", 'return process', 'return request', 'exchange', 'customer service ignored', 'support never', 'nobody replied', 'no one replied', 'money back', 'still in review', 'under review', 'refused my return', 'denied my return', 'refund request', 'return label',
    ],
  },
  praise: {
    phrases: [
      '很快', '好快', '超快', '真快', '挺快', '非常快', '特别快', '神速', '速度快', '速度很快', '送货快', '物流快', '第二天就到', '隔天就到', '当天就到', '次日达', '提前到', '提前送到', '准时', '早到', '超出预期', '回购', '还会再', '及时', '很放心', '客气', '没问题', '放心', '靠谱', '很赞', '超赞', '棒', '完美', '喜欢', '值得', '划算', '物超所值', '好用', '惊喜', '开心', '周到', '负责', '认真', '迅速', '麻利', '利索',
      '给力', '点赞', '好评', '满意', '非常好', '很好', '挺好', '不错', '热情', '服务好', '服务很好', '态度好', '态度很好', '态度非常好', '很耐心', '辛苦了', '谢谢', '感谢', '包装很好', '包装严实', '包装仔细', '包装用心', '贴心', '专业', '完好无损', '完好', '无损', '推荐', '五星',
      'fast', 'quick', 'good', 'top service', 'order again', 'buy again', 'great shape', 'a day early', 'sooner than expected', 'brilliant', 'decent', 'wonderful', 'prompt', 'promptly', 'efficient', 'reliable', 'courteous', 'pleasant', 'pleased', 'satisfied', 'well done', 'top notch', 'spot on', 'impressed', 'next day', 'same day', 'within 24 hours', 'quickly', 'speedy', 'great', 'excellent', 'amazing', 'perfect', 'thanks', 'thank you', 'friendly', 'polite', 'helpful', 'lovely', 'love it', 'love', 'recommend', 'on time', 'early',
      'well packed', 'well packaged', 'careful', 'good service', 'happy', 'smooth', 'no complaints', 'no issues', 'no problems', 'five stars', '5 stars', 'awesome', 'fantastic', 'superb', 'kind', 'nice', 'intact', 'perfect condition', 'good condition', 'as described',
      "couldn't be happier", "can't complain",
    ],
    unless: [/not as described/],
  },
};
