# BigMath.exp / BigMath.log (CRuby's series, every digit) and non-integral powers
require 'bigdecimal'
require 'bigdecimal/math'
def t(s); r = begin; eval(s).inspect; rescue Exception => e; "#{e.class}: #{e.message}"; end; puts "#{s} => #{r}"; end
[1, 2, 10, 20, 50].each { |n| t "BigMath.E(#{n})" }
%w[0.5 -1 2 10 -10.5 1e-5 123.456 0].each { |x| [5, 20, 40].each { |n| t "BigMath.exp(BigDecimal(#{x.inspect}), #{n})" } }
%w[0.5 2 3 10 1e-5 123.456 1 999 1e30].each { |x| [5, 20, 40].each { |n| t "BigMath.log(BigDecimal(#{x.inspect}), #{n})" } }
t %q{BigDecimal("-2") ** 0.5}; t %q{BigDecimal("-8") ** Rational(1,3)}; t %q{BigDecimal("0") ** 0.5}; t %q{BigDecimal("0") ** -0.5}; t %q{BigDecimal("2") ** 0.0}; t %q{BigDecimal("2") ** 1.0};t %q{BigDecimal("2").power(0.5, 10)}; t %q{BigDecimal("2") ** "x"}; t %q{BigMath.exp(1, 0)}; t %q{BigMath.exp("1", 10)}; t %q{BigMath.exp(nil, 10)}; t %q{BigMath.log(1, 1.5)}; t %q{BigMath.log(0, 10)}; t %q{BigMath.log("1", 10)}; t %q{BigMath.exp(1.5, 10)}; t %q{BigMath.exp(Rational(1,3), 10)}; t %q{BigMath.log(2**70, 10)}; t %q{BigMath.log(0.5, 10)}; t %q{BigMath.exp(BigDecimal("-Infinity"), 5)}; t %q{BigMath.exp(-Float::INFINITY, 5)}; t %q{BigMath.log(Float::NAN, 5)}; t %q{BigMath.log(BigDecimal("Infinity"), 5)}; t %q{BigMath.log(BigDecimal("-Infinity"), 5)}
t %q{BigDecimal("2") ** 0.5}; t %q{BigDecimal("2") ** BigDecimal("0.5")}; t %q{BigDecimal("3.7") ** Rational(2, 3)}; t %q{BigDecimal("1.0001") ** 1000.5}; t %q{BigDecimal("Infinity") ** 0.5}; t %q{BigDecimal("Infinity") ** -0.5}; t %q{BigDecimal("-Infinity") ** 0.5}
t %q{BigMath.sqrt(BigDecimal("2"), 30)}; t %q{BigMath.sin(BigDecimal("1"), 30)}; t %q{BigMath.cos(BigDecimal("0.5"), 30)}; t %q{BigMath.atan(BigDecimal("0.3"), 30)}
# expect: BigMath.E(1) => 3
# expect: BigMath.E(2) => 0.27e1
# expect: BigMath.E(10) => 0.2718281828e1
# expect: BigMath.E(20) => 0.27182818284590452354e1
# expect: BigMath.E(50) => 0.27182818284590452353602874713526624977572470937e1
# expect: BigMath.exp(BigDecimal("0.5"), 5) => 0.16487e1
# expect: BigMath.exp(BigDecimal("0.5"), 20) => 0.16487212707001281468e1
# expect: BigMath.exp(BigDecimal("0.5"), 40) => 0.1648721270700128146848650787814163571654e1
# expect: BigMath.exp(BigDecimal("-1"), 5) => 0.36788e0
# expect: BigMath.exp(BigDecimal("-1"), 20) => 0.3678794411714423216e0
# expect: BigMath.exp(BigDecimal("-1"), 40) => 0.3678794411714423215955237701614608674458e0
# expect: BigMath.exp(BigDecimal("2"), 5) => 0.73891e1
# expect: BigMath.exp(BigDecimal("2"), 20) => 0.73890560989306502272e1
# expect: BigMath.exp(BigDecimal("2"), 40) => 0.738905609893065022723042746057500781318e1
# expect: BigMath.exp(BigDecimal("10"), 5) => 22026
# expect: BigMath.exp(BigDecimal("10"), 20) => 0.22026465794806716517e5
# expect: BigMath.exp(BigDecimal("10"), 40) => 0.2202646579480671651695790064528424436635e5
# expect: BigMath.exp(BigDecimal("-10.5"), 5) => 0.27536e-4
# expect: BigMath.exp(BigDecimal("-10.5"), 20) => 0.27536449349747157857e-4
# expect: BigMath.exp(BigDecimal("-10.5"), 40) => 0.2753644934974715785741109710242551110159e-4
# expect: BigMath.exp(BigDecimal("1e-5"), 5) => 0.1e1
# expect: BigMath.exp(BigDecimal("1e-5"), 20) => 0.10000100000500001667e1
# expect: BigMath.exp(BigDecimal("1e-5"), 40) => 0.1000010000050000166667083334166668055558e1
# expect: BigMath.exp(BigDecimal("123.456"), 5) => 413290000000000000000000000000000000000000000000000000
# expect: BigMath.exp(BigDecimal("123.456"), 20) => 413294435277809344960000000000000000000000000000000000
# expect: BigMath.exp(BigDecimal("123.456"), 40) => 413294435277809344957685441227343146614600000000000000
# expect: BigMath.exp(BigDecimal("0"), 5) => 0.1e1
# expect: BigMath.exp(BigDecimal("0"), 20) => 0.1e1
# expect: BigMath.exp(BigDecimal("0"), 40) => 0.1e1
# expect: BigMath.log(BigDecimal("0.5"), 5) => -0.6931471805599453094161269775406017662e0
# expect: BigMath.log(BigDecimal("0.5"), 20) => -0.6931471805599453094172321214581765674099931010273832e0
# expect: BigMath.log(BigDecimal("0.5"), 40) => -0.693147180559945309417232121458176568075500134360255254109949522528919006e0
# expect: BigMath.log(BigDecimal("2"), 5) => 0.6931471805599453094161269775406017662e0
# expect: BigMath.log(BigDecimal("2"), 20) => 0.6931471805599453094172321214581765674099931010273832e0
# expect: BigMath.log(BigDecimal("2"), 40) => 0.693147180559945309417232121458176568075500134360255254109949522528919006e0
# expect: BigMath.log(BigDecimal("3"), 5) => 0.10986122886681096913937222931664260738e1
# expect: BigMath.log(BigDecimal("3"), 20) => 0.10986122886681096913952452369225257048686721772407036e1
# expect: BigMath.log(BigDecimal("3"), 40) => 0.1098612288668109691395245236922525704647490557822749451719752340946455316e1
# expect: BigMath.log(BigDecimal("10"), 5) => 0.2302585092994045683975136283901164198e1
# expect: BigMath.log(BigDecimal("10"), 20) => 0.2302585092994045684017991454684364152878906386390928e1
# expect: BigMath.log(BigDecimal("10"), 40) => 0.230258509299404568401799145468436420760110148862877297632502494462371208e1
# expect: BigMath.log(BigDecimal("1e-5"), 5) => -0.1151292546497022841987568141950582099e2
# expect: BigMath.log(BigDecimal("1e-5"), 20) => -0.1151292546497022842008995727342182076439453193195464e2
# expect: BigMath.log(BigDecimal("1e-5"), 40) => -0.115129254649702284200899572734218210380055074431438648816251247231185604e2
# expect: BigMath.log(BigDecimal("123.456"), 5) => 0.4815884817283263882992841508466782102e1
# expect: BigMath.log(BigDecimal("123.456"), 20) => 0.4815884817283263883109232105166525427965069458677022e1
# expect: BigMath.log(BigDecimal("123.456"), 40) => 0.481588481728326388310923210516652557717215813550545731343448557937044678e1
# expect: BigMath.log(BigDecimal("1"), 5) => 0.0
# expect: BigMath.log(BigDecimal("1"), 20) => 0.0
# expect: BigMath.log(BigDecimal("1"), 40) => 0.0
# expect: BigMath.log(BigDecimal("999"), 5) => 0.6906754778648553518425265502265814998519444454e1
# expect: BigMath.log(BigDecimal("999"), 20) => 0.6906754778648553518553831381799024113676014979506187534228072e1
# expect: BigMath.log(BigDecimal("999"), 40) => 0.6906754778648553518553831381799024277842549260635884519724081360341442016857367e1
# expect: BigMath.log(BigDecimal("1e30"), 5) => 0.6907755278982137051925408851703492594e2
# expect: BigMath.log(BigDecimal("1e30"), 20) => 0.6907755278982137052053974364053092458636719159172784e2
# expect: BigMath.log(BigDecimal("1e30"), 40) => 0.690775527898213705205397436405309262280330446588631892897507483387113624e2
# expect: BigDecimal("-2") ** 0.5 => Math::DomainError: Zero or negative argument for log
# expect: BigDecimal("-8") ** Rational(1,3) => Math::DomainError: Zero or negative argument for log
# expect: BigDecimal("0") ** 0.5 => 0.0
# expect: BigDecimal("0") ** -0.5 => Infinity
# expect: BigDecimal("2") ** 0.0 => 0.1e1
# expect: BigDecimal("2") ** 1.0 => 0.2e1
# expect: BigDecimal("2").power(0.5, 10) => 0.1414213562e1
# expect: BigDecimal("2") ** "x" => TypeError: wrong argument type String (expected scalar Numeric)
# expect: BigMath.exp(1, 0) => ArgumentError: Zero or negative precision for exp
# expect: BigMath.exp("1", 10) => ArgumentError: String can't be coerced into BigDecimal
# expect: BigMath.exp(nil, 10) => ArgumentError: nil can't be coerced into BigDecimal
# expect: BigMath.log(1, 1.5) => ArgumentError: precision must be an Integer
# expect: BigMath.log(0, 10) => Math::DomainError: Zero or negative argument for log
# expect: BigMath.log("1", 10) => ArgumentError: String can't be coerced into BigDecimal
# expect: BigMath.exp(1.5, 10) => 0.448168907e1
# expect: BigMath.exp(Rational(1,3), 10) => 0.1395612425e1
# expect: BigMath.log(2**70, 10) => 0.485203026391961716592062458203167594169996e2
# expect: BigMath.log(0.5, 10) => -0.693147180559945309417232112588603776354688e0
# expect: BigMath.exp(BigDecimal("-Infinity"), 5) => 0.0
# expect: BigMath.exp(-Float::INFINITY, 5) => 0.0
# expect: BigMath.log(Float::NAN, 5) => NaN
# expect: BigMath.log(BigDecimal("Infinity"), 5) => Infinity
# expect: BigMath.log(BigDecimal("-Infinity"), 5) => Math::DomainError: Zero or negative argument for log
# expect: BigDecimal("2") ** 0.5 => 0.1414213562373095048801689e1
# expect: BigDecimal("2") ** BigDecimal("0.5") => 0.141421356237309505e1
# expect: BigDecimal("3.7") ** Rational(2, 3) => 0.239222017861160329770177674063108998e1
# expect: BigDecimal("1.0001") ** 1000.5 => 0.1105220649491475186641292935957329e1
# expect: BigDecimal("Infinity") ** 0.5 => Infinity
# expect: BigDecimal("Infinity") ** -0.5 => 0.0
# expect: BigDecimal("-Infinity") ** 0.5 => Math::DomainError: a non-integral exponent for a negative base
# expect: BigMath.sqrt(BigDecimal("2"), 30) => 0.1414213562373095048801688724209698078569671875e1
# expect: BigMath.sin(BigDecimal("1"), 30) => 0.84147098480789650665250232163029899962256306076311027505557457e0
# expect: BigMath.cos(BigDecimal("0.5"), 30) => 0.8775825618903727161162815826038296519916451971098114497397572883e0
# expect: BigMath.atan(BigDecimal("0.3"), 30) => 0.29145679447786709199560462143289119350316759902770206160839589e0
