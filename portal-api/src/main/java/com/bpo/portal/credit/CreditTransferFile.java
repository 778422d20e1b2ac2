package com.bpo.portal.credit;

import com.prowidesoftware.swift.model.mx.MxPain00100103;
import com.prowidesoftware.swift.model.mx.MxWriteParams;
import com.prowidesoftware.swift.model.mx.dic.AccountIdentification4Choice;
import com.prowidesoftware.swift.model.mx.dic.ActiveOrHistoricCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.AmountType3Choice;
import com.prowidesoftware.swift.model.mx.dic.BranchAndFinancialInstitutionIdentification4;
import com.prowidesoftware.swift.model.mx.dic.CashAccount16;
import com.prowidesoftware.swift.model.mx.dic.ChargeBearerType1Code;
import com.prowidesoftware.swift.model.mx.dic.CreditTransferTransactionInformation10;
import com.prowidesoftware.swift.model.mx.dic.CustomerCreditTransferInitiationV03;
import com.prowidesoftware.swift.model.mx.dic.FinancialInstitutionIdentification7;
import com.prowidesoftware.swift.model.mx.dic.GenericFinancialIdentification1;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader32;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentification32;
import com.prowidesoftware.swift.model.mx.dic.PaymentIdentification1;
import com.prowidesoftware.swift.model.mx.dic.PaymentInstructionInformation3;
import com.prowidesoftware.swift.model.mx.dic.PaymentMethod3Code;
import com.prowidesoftware.swift.model.mx.dic.PaymentTypeInformation19;
import com.prowidesoftware.swift.model.mx.dic.RemittanceInformation5;
import com.prowidesoftware.swift.model.mx.dic.ServiceLevel8Choice;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A refund as an ISO 20022 {@code pain.001.001.03} customer credit transfer initiation, the file a
 * client uploads to its bank: one payment from the client's account to the payee's IBAN (SEPA
 * service level for euros), the refund's reference as end-to-end id. Built with Prowide's model of
 * the schema.
 */
public final class CreditTransferFile {
  /** The client's account the refund is paid from. */
  public record Debtor(String name, Iban iban, String bic) {}

  /** One refund to pay. */
  public record Transfer(
      String reference,
      String payeeName,
      Iban payeeIban,
      BigDecimal amount,
      String currency,
      String remittance) {}

  private static volatile JAXBContext context;

  private CreditTransferFile() {}

  public static String pain001(
      String messageId,
      OffsetDateTime created,
      LocalDate execution,
      Debtor debtor,
      Transfer transfer) {
    BigDecimal amount = transfer.amount().setScale(2);
    GroupHeader32 header =
        new GroupHeader32()
            .setMsgId(max35(messageId))
            .setCreDtTm(created.withNano(0))
            .setNbOfTxs("1")
            .setCtrlSum(amount)
            .setInitgPty(new PartyIdentification32().setNm(max70(debtor.name())));
    CreditTransferTransactionInformation10 tx =
        new CreditTransferTransactionInformation10()
            .setPmtId(new PaymentIdentification1().setEndToEndId(max35(transfer.reference())))
            .setAmt(
                new AmountType3Choice()
                    .setInstdAmt(
                        new ActiveOrHistoricCurrencyAndAmount()
                            .setValue(amount)
                            .setCcy(transfer.currency())))
            .setCdtr(new PartyIdentification32().setNm(max70(transfer.payeeName())))
            .setCdtrAcct(account(transfer.payeeIban()))
            .setRmtInf(new RemittanceInformation5().addUstrd(max140(transfer.remittance())));
    PaymentInstructionInformation3 instruction =
        new PaymentInstructionInformation3()
            .setPmtInfId(max35(messageId))
            .setPmtMtd(PaymentMethod3Code.TRF)
            .setNbOfTxs("1")
            .setCtrlSum(amount)
            .setReqdExctnDt(execution)
            .setDbtr(new PartyIdentification32().setNm(max70(debtor.name())))
            .setDbtrAcct(account(debtor.iban()))
            .setDbtrAgt(agent(debtor.bic()))
            .setChrgBr(ChargeBearerType1Code.SLEV)
            .addCdtTrfTxInf(tx);
    if ("EUR".equals(transfer.currency())) {
      instruction.setPmtTpInf(
          new PaymentTypeInformation19().setSvcLvl(new ServiceLevel8Choice().setCd("SEPA")));
    }
    MxPain00100103 message =
        new MxPain00100103()
            .setCstmrCdtTrfInitn(
                new CustomerCreditTransferInitiationV03().setGrpHdr(header).addPmtInf(instruction));
    MxWriteParams params = new MxWriteParams();
    params.includeXMLDeclaration = true;
    params.prefix = null; // the ISO namespace as the default one, as banks' samples have it
    params.context = context();
    return message.document(params);
  }

  /**
   * The JAXB context of the message, from the JAXB reference implementation by name: whichever
   * provider the class path offers first (EclipseLink's MOXy in tests) cannot write Prowide's
   * model.
   */
  static JAXBContext context() {
    JAXBContext c = context;
    if (c == null) {
      try {
        c =
            new org.glassfish.jaxb.runtime.v2.JAXBContextFactory()
                .createContext(MxPain00100103._classes, Map.of());
      } catch (JAXBException e) {
        throw new IllegalStateException("Cannot build the pain.001 model", e);
      }
      context = c;
    }
    return c;
  }

  private static CashAccount16 account(Iban iban) {
    return new CashAccount16().setId(new AccountIdentification4Choice().setIBAN(iban.value()));
  }

  /** The debtor's bank by BIC, or "not provided" as SEPA allows when only the IBAN is known. */
  private static BranchAndFinancialInstitutionIdentification4 agent(String bic) {
    FinancialInstitutionIdentification7 id =
        bic == null || bic.isBlank()
            ? new FinancialInstitutionIdentification7()
                .setOthr(new GenericFinancialIdentification1().setId("NOTPROVIDED"))
            : new FinancialInstitutionIdentification7().setBIC(bic);
    return new BranchAndFinancialInstitutionIdentification4().setFinInstnId(id);
  }

  private static String max35(String s) {
    return cut(s, 35);
  }

  private static String max70(String s) {
    return cut(s, 70);
  }

  private static String max140(String s) {
    return cut(s, 140);
  }

  private static String cut(String s, int max) {
    String t = s.strip();
    return t.length() <= max ? t : t.substring(0, max);
  }
}
