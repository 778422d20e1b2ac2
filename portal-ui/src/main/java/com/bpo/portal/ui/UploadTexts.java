package com.bpo.portal.ui;

import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import java.util.List;

/**
 * An upload's own texts (its button, drop hint, errors, size units) in the reader's language:
 * Vaadin's are English only ("Upload Files...", "1 KB").
 */
public final class UploadTexts {
  private UploadTexts() {}

  public static Upload translate(Upload upload) {
    UploadI18N.AddFiles add = new UploadI18N.AddFiles();
    add.setOne(upload.getTranslation("upload.addOne"));
    add.setMany(upload.getTranslation("upload.addMany"));
    UploadI18N.DropFiles drop = new UploadI18N.DropFiles();
    drop.setOne(upload.getTranslation("upload.dropOne"));
    drop.setMany(upload.getTranslation("upload.dropMany"));
    UploadI18N i18n =
        new UploadI18N()
            .setAddFiles(add)
            .setDropFiles(drop)
            .setError(
                new UploadI18N.Error()
                    .setTooManyFiles(upload.getTranslation("upload.tooMany"))
                    .setFileIsTooBig(upload.getTranslation("upload.tooBig"))
                    .setIncorrectFileType(upload.getTranslation("upload.wrongType")))
            .setFile(
                new UploadI18N.File()
                    .setRetry(upload.getTranslation("upload.retry"))
                    .setStart(upload.getTranslation("upload.start"))
                    .setRemove(upload.getTranslation("upload.remove")))
            .setUploading(
                new UploadI18N.Uploading()
                    .setStatus(
                        new UploadI18N.Uploading.Status()
                            .setConnecting(upload.getTranslation("upload.connecting"))
                            .setStalled(upload.getTranslation("upload.stalled"))
                            .setProcessing(upload.getTranslation("upload.processing"))
                            .setHeld(upload.getTranslation("upload.held")))
                    .setRemainingTime(
                        new UploadI18N.Uploading.RemainingTime()
                            .setPrefix(upload.getTranslation("upload.remaining"))
                            .setUnknown(upload.getTranslation("upload.unknownTime")))
                    .setError(
                        new UploadI18N.Uploading.Error()
                            .setServerUnavailable(upload.getTranslation("upload.serverDown"))
                            .setUnexpectedServerError(upload.getTranslation("upload.serverError"))
                            .setForbidden(upload.getTranslation("upload.forbidden"))))
            .setUnits(List.of(upload.getTranslation("upload.units").split(",")));
    upload.setI18n(i18n);
    return upload;
  }
}
