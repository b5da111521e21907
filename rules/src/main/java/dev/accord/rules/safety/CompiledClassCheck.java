package dev.accord.rules.safety;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.drools.base.definitions.InternalKnowledgePackage;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.core.rule.JavaDialectRuntimeData;
import org.kie.api.builder.KieModule;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The second line behind {@link RuleCode}: what the classes the engine compiled from the rules'
 * consequences reference, read from their bytecode, must be the allow-list's classes and methods,
 * the rules' own generated classes, or the few engine methods Drools' generated code calls. Should
 * the first line ever let something through, what it compiles to is refused here, before any rule
 * can run.
 *
 * <p>It sees the classes Drools compiles with the Java dialect (each rule's consequence and its
 * invoker); conditions are not compiled into the module and stay the first line's alone.
 */
public final class CompiledClassCheck {

  /**
   * One reference rules may not make.
   *
   * @param rule the name of the rule the class was compiled from; empty for a class of no rule
   * @param reason what the compiled rule references, in words
   */
  public record Refusal(Optional<String> rule, String reason) {}

  private static final String OBJECT = "java/lang/Object";
  private static final String STRING_BUILDER = "java/lang/StringBuilder";
  private static final String KNOWLEDGE_HELPER = "org/drools/core/rule/consequence/KnowledgeHelper";
  private static final String INVOKER_SUFFIX = "DefaultConsequenceInvoker";

  private static final Set<String> OBJECT_METHODS = Set.of("equals", "hashCode", "toString");
  // String concatenation, when the compiler does not use StringConcatFactory.
  private static final Set<String> STRING_BUILDER_METHODS = Set.of("<init>", "append", "toString");

  /**
   * What a consequence compiles to for the engine's own shortcuts (insert, insertLogical, update,
   * delete, retract; the only ones the first line lets through): calls on the {@code drools}
   * variable, {@code update}'s "every property changed" mask.
   */
  private static final Set<String> ENGINE_CALLS =
      Set.of(
          KNOWLEDGE_HELPER + ".insert(Ljava/lang/Object;)Lorg/kie/api/runtime/rule/FactHandle;",
          KNOWLEDGE_HELPER
              + ".insertLogical(Ljava/lang/Object;)Lorg/kie/api/runtime/rule/FactHandle;",
          KNOWLEDGE_HELPER
              + ".update(Lorg/kie/api/runtime/rule/FactHandle;Lorg/drools/util/bitmask/BitMask;"
              + "Ljava/lang/Class;)V",
          KNOWLEDGE_HELPER + ".update(Ljava/lang/Object;)V",
          KNOWLEDGE_HELPER + ".delete(Lorg/kie/api/runtime/rule/FactHandle;)V",
          KNOWLEDGE_HELPER + ".delete(Ljava/lang/Object;)V",
          KNOWLEDGE_HELPER + ".retract(Lorg/kie/api/runtime/rule/FactHandle;)V",
          KNOWLEDGE_HELPER + ".retract(Ljava/lang/Object;)V",
          "org/drools/util/bitmask/AllSetButLastBitMask.get()"
              + "Lorg/drools/util/bitmask/AllSetButLastBitMask;");

  private static final Set<String> ENGINE_TYPES = Set.of(KNOWLEDGE_HELPER);

  /**
   * What the invoker Drools generates beside each rule's class calls: it compares its rule's
   * bytecode for incremental builds and hands the consequence to the code the engine generates at
   * run time. Allowed in invoker classes only, never in the class holding the rule's own code.
   */
  private static final Set<String> INVOKER_CALLS =
      Set.of(
          OBJECT + ".getClass()Ljava/lang/Class;",
          "org/drools/mvel/asm/MethodComparator.getMethodBytecode(Ljava/lang/Class;"
              + "Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;)"
              + "Ljava/lang/String;",
          "org/drools/mvel/asm/MethodComparator.compareBytecode(Ljava/lang/String;"
              + "Ljava/lang/String;)Z",
          "org/drools/base/rule/accessor/CompiledInvoker.getMethodBytecode()Ljava/lang/String;",
          "org/drools/mvel/asm/ConsequenceGenerator.generate(Lorg/drools/mvel/asm/ConsequenceStub;"
              + "Lorg/drools/base/rule/consequence/ConsequenceContext;"
              + "Lorg/drools/base/base/ValueResolver;)V",
          "org/drools/base/rule/consequence/Consequence.evaluate("
              + "Lorg/drools/base/rule/consequence/ConsequenceContext;"
              + "Lorg/drools/base/base/ValueResolver;)V");

  private static final Set<String> INVOKER_TYPES =
      Set.of(
          "org/drools/base/rule/accessor/CompiledInvoker", "org/drools/mvel/asm/ConsequenceStub");

  private static final Map<String, Class<?>> ALLOWED_BY_INTERNAL_NAME = allowedByInternalName();

  private final Set<String> ownClasses;
  private final Set<String> invokers;
  private final Set<String> refused = new LinkedHashSet<>();
  private boolean invoker;

  private CompiledClassCheck(Set<String> ownClasses, Set<String> invokers) {
    this.ownClasses = ownClasses;
    this.invokers = invokers;
  }

  /**
   * Every reference rules may not make in the classes compiled for this knowledge base of a module
   * that built without errors, with the rule each belongs to.
   */
  public static List<Refusal> check(KieModule module, String kieBase) {
    Collection<KiePackage> packages =
        ((InternalKieModule) module).getKnowledgeBuilderForKieBase(kieBase).getKnowledgePackages();
    Map<String, byte[]> classes = new HashMap<>();
    Map<String, String> ruleByClassStem = new HashMap<>();
    Set<String> invokers = new HashSet<>();
    for (KiePackage pkg : packages) {
      if (((InternalKnowledgePackage) pkg).getDialectRuntimeRegistry().getDialectData("java")
          instanceof JavaDialectRuntimeData java) {
        java.getStore().forEach((file, bytes) -> classes.put(internalName(file), bytes));
      }
      for (Rule rule : pkg.getRules()) {
        Object consequence = ((RuleImpl) rule).getConsequence();
        String invoker =
            consequence == null ? "" : consequence.getClass().getName().replace('.', '/');
        if (invoker.endsWith(INVOKER_SUFFIX)) {
          invokers.add(invoker);
          ruleByClassStem.put(
              invoker.substring(0, invoker.length() - INVOKER_SUFFIX.length()), rule.getName());
        }
      }
    }
    List<Refusal> refusals = new ArrayList<>();
    classes.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            compiled -> {
              Optional<String> rule = ruleOf(compiled.getKey(), ruleByClassStem);
              for (String reference :
                  refusedReferences(compiled.getValue(), classes.keySet(), invokers)) {
                refusals.add(
                    new Refusal(
                        rule, "the compiled rule " + reference + ", which rules may not use"));
              }
            });
    return List.copyOf(refusals);
  }

  /**
   * What one class references that rules may not, each as "calls owner.method", "reads
   * owner.field", "uses type" …, in the order the class first does so.
   *
   * @param ownClasses the internal names of the classes compiled from the same rules
   * @param invokers the internal names of those that are the invokers of the rules' consequences
   */
  static List<String> refusedReferences(
      byte[] classFile, Set<String> ownClasses, Set<String> invokers) {
    CompiledClassCheck check = new CompiledClassCheck(ownClasses, invokers);
    new ClassReader(classFile)
        .accept(check.new Classes(), ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    return List.copyOf(check.refused);
  }

  /** The class's rule: the one whose generated classes' common stem its name starts with. */
  private static Optional<String> ruleOf(String className, Map<String, String> ruleByClassStem) {
    String stem = null;
    for (String candidate : ruleByClassStem.keySet()) {
      // A stem ends with a hash; what follows it is "$…", a suffix in letters, or nothing.
      boolean own =
          className.startsWith(candidate)
              && (className.length() == candidate.length()
                  || !Character.isDigit(className.charAt(candidate.length())));
      if (own && (stem == null || candidate.length() > stem.length())) {
        stem = candidate;
      }
    }
    return Optional.ofNullable(stem).map(ruleByClassStem::get);
  }

  private final class Classes extends ClassVisitor {

    Classes() {
      super(Opcodes.ASM9);
    }

    @Override
    public void visit(
        int version,
        int access,
        String name,
        String signature,
        String superName,
        String[] interfaces) {
      // Known by being a rule's consequence, not by its name: Drools' names of rules' classes
      // hold '$' and a consequence's own (anonymous) classes would start with the same name.
      invoker = invokers.contains(name);
      if (superName != null && !superName.equals(OBJECT) && !ownClasses.contains(superName)) {
        refused.add("extends " + superName);
      }
      for (String implemented : interfaces) {
        if (!(invoker && INVOKER_TYPES.contains(implemented))) {
          refused.add("implements " + implemented);
        }
      }
    }

    @Override
    public MethodVisitor visitMethod(
        int access, String name, String descriptor, String signature, String[] exceptions) {
      return new Instructions();
    }
  }

  private final class Instructions extends MethodVisitor {

    Instructions() {
      super(Opcodes.ASM9);
    }

    @Override
    public void visitMethodInsn(
        int opcode, String owner, String name, String descriptor, boolean isInterface) {
      if (!allowedCall(opcode, owner, name, descriptor)) {
        refused.add("calls " + owner + "." + name);
      }
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
      if (ownClasses.contains(owner)) {
        return;
      }
      Class<?> type = ALLOWED_BY_INTERNAL_NAME.get(owner);
      boolean constant =
          opcode == Opcodes.GETSTATIC && type != null && AllowList.constant(type, name);
      if (!constant) {
        refused.add(
            (opcode == Opcodes.GETSTATIC || opcode == Opcodes.GETFIELD ? "reads " : "writes ")
                + owner
                + "."
                + name);
      }
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
      type(Type.getObjectType(type));
    }

    @Override
    public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
      type(Type.getType(descriptor));
    }

    @Override
    public void visitLdcInsn(Object value) {
      if (value instanceof Type type && type.getSort() != Type.METHOD) {
        type(type);
      } else if (value instanceof Type
          || value instanceof Handle
          || value instanceof ConstantDynamic) {
        refused.add("loads the constant " + value);
      }
    }

    @Override
    public void visitInvokeDynamicInsn(
        String name, String descriptor, Handle bootstrap, Object... arguments) {
      boolean concatenation =
          bootstrap.getOwner().equals("java/lang/invoke/StringConcatFactory")
              && bootstrap.getTag() == Opcodes.H_INVOKESTATIC;
      if (!concatenation) {
        refused.add(
            "makes a dynamic call through " + bootstrap.getOwner() + "." + bootstrap.getName());
      }
    }

    private void type(Type type) {
      Type element = type.getSort() == Type.ARRAY ? type.getElementType() : type;
      if (element.getSort() != Type.OBJECT) {
        return;
      }
      String name = element.getInternalName();
      boolean allowed =
          name.equals(OBJECT)
              || name.equals(STRING_BUILDER)
              || ownClasses.contains(name)
              || ALLOWED_BY_INTERNAL_NAME.containsKey(name)
              || ENGINE_TYPES.contains(name)
              || (invoker && INVOKER_TYPES.contains(name));
      if (!allowed) {
        refused.add("uses " + name);
      }
    }
  }

  private boolean allowedCall(int opcode, String owner, String name, String descriptor) {
    String method = owner + "." + name + descriptor;
    if (ownClasses.contains(owner)
        || ENGINE_CALLS.contains(method)
        || (invoker && INVOKER_CALLS.contains(method))) {
      return true;
    }
    if (owner.equals(OBJECT)) {
      return name.equals("<init>")
          ? opcode == Opcodes.INVOKESPECIAL
          : OBJECT_METHODS.contains(name);
    }
    if (owner.equals(STRING_BUILDER)) {
      return STRING_BUILDER_METHODS.contains(name);
    }
    Class<?> type = ALLOWED_BY_INTERNAL_NAME.get(owner);
    if (type == null) {
      return false;
    }
    if (name.equals("<init>")) {
      return AllowList.FACTS.containsValue(type);
    }
    return opcode == Opcodes.INVOKESTATIC
        ? AllowList.staticMethod(type, name)
        : AllowList.instanceMethod(name);
  }

  private static String internalName(String classFile) {
    return classFile.endsWith(".class")
        ? classFile.substring(0, classFile.length() - ".class".length())
        : classFile;
  }

  private static Map<String, Class<?>> allowedByInternalName() {
    Map<String, Class<?>> byName = new HashMap<>();
    Set<Class<?>> types = new HashSet<>(AllowList.CLASSES.values());
    types.addAll(List.of(Map.class, List.class, Collection.class, Set.class));
    for (Class<?> type : types) {
      byName.put(Type.getInternalName(type), type);
    }
    return Map.copyOf(byName);
  }
}
